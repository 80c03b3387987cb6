using System.Globalization;
using System.Text.Json;
using CrossEntropy.Tracking.Internal;
using Microsoft.Data.Sqlite;

namespace CrossEntropy.Tracking;

/// <summary>
/// Records training runs in an embedded SQLite file: each run's config and seed, data fingerprint,
/// environment, metrics per step, status and summary; then lists, ranks, compares and exports them.
/// </summary>
/// <remarks>
/// <para>The store is one file (default <c>runs/runs.db</c>) in write-ahead-log mode, so several
/// processes can read while one writes. Every committed batch survives the writing process being killed.</para>
/// <para>Opening a store repairs it: a run still marked running whose owning process is gone (same
/// host, process id and start time no longer alive; on another host, no heartbeat for
/// <see cref="RemoteStaleAfter"/>) is marked <see cref="RunStatus.Incomplete"/>.</para>
/// <para>Use one tracker from one thread at a time.</para>
/// </remarks>
public sealed partial class RunTracker : IDisposable
{
    /// <summary>The store used when no path is given.</summary>
    public const string DefaultPath = "runs/runs.db";

    /// <summary>Runs owned by another host count as abandoned after this long without a heartbeat.</summary>
    public static TimeSpan RemoteStaleAfter { get; } = TimeSpan.FromHours(1);

    private readonly SqliteConnection _connection;

    /// <summary>Opens (creating if needed) the store at <paramref name="path"/> and marks abandoned runs incomplete.</summary>
    /// <param name="path">The SQLite file; its directory is created if missing.</param>
    /// <exception cref="ArgumentException">An empty path, a directory, or a file that is not a run store.</exception>
    public RunTracker(string path = DefaultPath)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new ArgumentException("path is empty: pass a file such as runs/runs.db.", nameof(path));
        if (Directory.Exists(path))
            throw new ArgumentException($"{path} is a directory: pass a file inside it, e.g. {System.IO.Path.Combine(path, "runs.db")}.", nameof(path));

        Path = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory))
            Directory.CreateDirectory(directory);

        _connection = new SqliteConnection(ConnectionString(Path));
        try
        {
            _connection.Open();
            Execute(ConnectionPragmas);
            var version = Convert.ToInt32(Scalar("PRAGMA user_version;"), CultureInfo.InvariantCulture);
            if (version > Schema.Version)
                throw new ArgumentException($"{Path} was written by a newer tracker (schema {version}, this one knows {Schema.Version}): update the library.", nameof(path));
            // Every store a tracker created has a user_version: tables without one belong to another program's database,
            // which must be refused before anything (WAL mode, our tables) is written into it.
            if (version == 0 && Convert.ToInt64(Scalar("SELECT count(*) FROM sqlite_master;"), CultureInfo.InvariantCulture) > 0)
                throw new ArgumentException($"{Path} is not a run store (an SQLite database with tables of its own): pass a new file or the runs.db a tracker created.", nameof(path));
            Execute("PRAGMA journal_mode = WAL;");
            // Tables and version in one transaction: a process killed between them would otherwise leave tables
            // without a user_version, which the check above refuses as another program's database.
            Execute("BEGIN IMMEDIATE;" + Schema.Create + $"PRAGMA user_version = {Schema.Version}; COMMIT;");
            RecoverAbandonedRuns();
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 26 /* SQLITE_NOTADB */ or 11 /* SQLITE_CORRUPT */)
        {
            _connection.Dispose();
            throw new ArgumentException($"{Path} is not a run store (SQLite: {e.Message.TrimEnd('.')}): pass a new file or the runs.db a tracker created.", nameof(path), e);
        }
        catch
        {
            _connection.Dispose();
            throw;
        }
    }

    /// <summary>The full path of the store.</summary>
    public string Path { get; }

    // Per connection: wait for a busy writer instead of failing, and in WAL mode commit without an fsync
    // (a killed process loses nothing committed; only a power cut may lose the last transactions).
    internal const string ConnectionPragmas = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";

    internal static string ConnectionString(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = false, // the file is released on Dispose, so tests and users can delete or move it
        DefaultTimeout = 30,
    }.ToString();

    internal SqliteConnection Connection
    {
        get
        {
            ObjectDisposedException.ThrowIf(IsDisposed, this);
            return _connection;
        }
    }

    internal bool IsDisposed { get; private set; }

    /// <summary>
    /// Starts recording a run. <paramref name="config"/> holds the hyper-parameters and must include a
    /// seed, e.g. <c>new { LearningRate = 0.1, Epochs = 200, BatchSize = 32, Seed = 42 }</c> (any object
    /// or dictionary; nested objects become dotted keys).
    /// </summary>
    /// <param name="name">A short human name, e.g. "lr=0.1".</param>
    /// <param name="config">The hyper-parameters and seed.</param>
    /// <param name="data">The fingerprint of the training data (see <see cref="DataFingerprint.Of"/>).</param>
    /// <param name="batchSteps">Whole steps buffered per committed transaction (at least 1).</param>
    /// <exception cref="ArgumentException">An empty name or one with a control character (it must fit on one line), a config that is not an object or has no seed, or batchSteps &lt; 1.</exception>
    public Run StartRun(string name, object config, DataFingerprint? data = null, int batchSteps = 50)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new ArgumentException("name is empty: name the run, e.g. \"lr=0.1\".", nameof(name));
        // Names are shown in one-line table cells and CSV rows: a line break or other control character would break them.
        if (name.Any(char.IsControl))
            throw new ArgumentException("name contains a control character (a line break or tab?): name the run on one line, e.g. \"lr=0.1\".", nameof(name));
        ArgumentNullException.ThrowIfNull(config);
        if (batchSteps < 1)
            throw new ArgumentOutOfRangeException(nameof(batchSteps), $"batchSteps is {batchSteps}: expected 1 or more steps per transaction.");

        var flat = ConfigFlattener.Flatten(config);
        if (!flat.Keys.Any(IsSeedKey))
            throw new ArgumentException(
                $"config has no seed (keys: {(flat.Count == 0 ? "none" : string.Join(", ", flat.Keys))}): add one, e.g. Seed = 42, so the run can be reproduced.", nameof(config));

        var owner = ProcessOwner.Current;
        var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        using var insert = Connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO runs (name, status, started_utc, heartbeat_utc, owner_host, owner_pid, owner_started, config_json, data_json, environment_json)
            VALUES ($name, 'running', $now, $now, $host, $pid, $started, $config, $data, $environment)
            RETURNING id;
            """;
        insert.Parameters.AddWithValue("$name", name);
        insert.Parameters.AddWithValue("$now", now);
        insert.Parameters.AddWithValue("$host", owner.Host);
        insert.Parameters.AddWithValue("$pid", owner.ProcessId);
        insert.Parameters.AddWithValue("$started", owner.StartedUtcTicks);
        insert.Parameters.AddWithValue("$config", JsonSerializer.Serialize(flat));
        insert.Parameters.AddWithValue("$data", data is null ? DBNull.Value : JsonSerializer.Serialize(data));
        insert.Parameters.AddWithValue("$environment", JsonSerializer.Serialize(RunEnvironment.Current()));
        var id = (long)insert.ExecuteScalar()!;
        return new Run(this, new RunWriter(Path, id, name), id, name, batchSteps);
    }

    /// <summary>
    /// Marks runs whose owning process has gone as <see cref="RunStatus.Incomplete"/>; returns how many.
    /// Runs when the tracker opens; call it again to pick up processes that died since.
    /// </summary>
    public int RecoverAbandonedRuns()
    {
        var abandoned = new List<(long Id, ProcessOwner Owner, string Heartbeat)>();
        using (var query = Connection.CreateCommand())
        {
            query.CommandText = "SELECT id, owner_host, owner_pid, owner_started, heartbeat_utc FROM runs WHERE status = 'running'";
            using var reader = query.ExecuteReader();
            while (reader.Read())
            {
                var owner = new ProcessOwner(reader.GetString(1), reader.GetInt32(2), reader.GetInt64(3));
                var heartbeat = reader.GetString(4);
                if (!ProcessOwner.IsAlive(owner, DateTimeOffset.Parse(heartbeat, CultureInfo.InvariantCulture), RemoteStaleAfter))
                    abandoned.Add((reader.GetInt64(0), owner, heartbeat));
            }
        }

        foreach (var (id, owner, heartbeat) in abandoned)
        {
            using var update = Connection.CreateCommand();
            // The last heartbeat is the last moment the run is known to have been alive.
            update.CommandText = "UPDATE runs SET status = 'incomplete', ended_utc = $ended, error = $error WHERE id = $id AND status = 'running'";
            update.Parameters.AddWithValue("$id", id);
            update.Parameters.AddWithValue("$ended", heartbeat);
            update.Parameters.AddWithValue("$error",
                $"process {owner.ProcessId} on {owner.Host} stopped without completing the run; steps committed before it stopped are kept");
            update.ExecuteNonQuery();
        }

        return abandoned.Count;
    }

    /// <summary>Closes the store. Runs still recording can no longer log.</summary>
    public void Dispose()
    {
        if (IsDisposed) return;
        IsDisposed = true;
        _connection.Dispose();
    }

    /// <summary>The store path.</summary>
    public override string ToString() => $"RunTracker({Path})";

    internal static string StatusText(RunStatus status) => status switch
    {
        RunStatus.Running => "running",
        RunStatus.Completed => "completed",
        RunStatus.Failed => "failed",
        RunStatus.Incomplete => "incomplete",
        _ => throw new ArgumentOutOfRangeException(nameof(status), $"status is {(int)status}: not a RunStatus this tracker knows."),
    };

    internal static RunStatus ParseStatus(string text) => text switch
    {
        "running" => RunStatus.Running,
        "completed" => RunStatus.Completed,
        "failed" => RunStatus.Failed,
        "incomplete" => RunStatus.Incomplete,
        _ => throw new InvalidDataException($"unknown run status '{text}' in the store"),
    };

    private static bool IsSeedKey(string key)
    {
        var last = key[(key.LastIndexOf('.') + 1)..];
        return last.Equals("seed", StringComparison.OrdinalIgnoreCase) || last.EndsWith("_seed", StringComparison.OrdinalIgnoreCase)
            || last.EndsWith("Seed", StringComparison.Ordinal);
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
