namespace CrossEntropy.Tracking.Internal;

/// <summary>The store's tables. Version 1; a future change adds a migration keyed on <c>user_version</c>.</summary>
internal static class Schema
{
    public const int Version = 1;

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
        CREATE TABLE IF NOT EXISTS metrics (
            run_id    INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            name      TEXT    NOT NULL,
            step      INTEGER NOT NULL,
            value     REAL,
            wall_time REAL    NOT NULL,
            PRIMARY KEY (run_id, name, step)
        ) WITHOUT ROWID;
        """;
}
