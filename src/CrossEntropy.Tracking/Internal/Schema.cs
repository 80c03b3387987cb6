namespace CrossEntropy.Tracking.Internal;

/// <summary>The store's tables. Version 1; a future change adds a migration keyed on <c>user_version</c>.</summary>
internal static class Schema
{
    public const int Version = 1;

    // metric_batches holds one row per committed batch (see MetricBatchJson); the metrics view shows one
    // row per value, so `SELECT * FROM metrics WHERE run_id = 3` works in any SQLite tool.
    public const string Create = """
        CREATE TABLE IF NOT EXISTS runs (
            id               INTEGER PRIMARY KEY AUTOINCREMENT,
            name             TEXT    NOT NULL,
            status           TEXT    NOT NULL CHECK (status IN ('running', 'completed', 'failed', 'incomplete')),
            started_utc      TEXT    NOT NULL,
            ended_utc        TEXT,
            heartbeat_utc    TEXT    NOT NULL,
            owner_host       TEXT    NOT NULL,
            owner_pid        INTEGER NOT NULL,
            owner_started    INTEGER NOT NULL,
            config_json      TEXT    NOT NULL,
            data_json        TEXT,
            environment_json TEXT    NOT NULL,
            summary_json     TEXT,
            error            TEXT
        );
        CREATE TABLE IF NOT EXISTS metric_batches (
            run_id     INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            batch      INTEGER NOT NULL,
            first_step INTEGER NOT NULL,
            last_step  INTEGER NOT NULL,
            points     TEXT    NOT NULL,
            PRIMARY KEY (run_id, batch)
        ) WITHOUT ROWID;
        CREATE VIEW IF NOT EXISTS metrics AS
            SELECT b.run_id                      AS run_id,
                   json_extract(p.value, '$[0]') AS name,
                   json_extract(p.value, '$[1]') AS step,
                   json_extract(p.value, '$[2]') AS value,
                   json_extract(p.value, '$[3]') / 1000.0 AS wall_time
            FROM metric_batches b, json_each(b.points) p;
        """;
}
