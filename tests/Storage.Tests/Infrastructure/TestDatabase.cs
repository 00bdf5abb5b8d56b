using Npgsql;

namespace GridActors.Storage.Tests.Infrastructure;

/// <summary>
/// A database of its own for one test or fixture, created empty on the test server and dropped afterwards,
/// so that tests never see each other's rows and "migrating from empty" really starts from nothing.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _admin;

    private TestDatabase(string admin, string name, string connectionString)
    {
        _admin = admin;
        Name = name;
        ConnectionString = connectionString;
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>For the test's own reads and corruptions; the silos under test open their own.</summary>
    public NpgsqlDataSource DataSource { get; }

    public static Task<TestDatabase> CreateAsync() => CreateAsync(PostgresServer.AdminConnectionString);

    /// <summary>A database of its own on the server <paramref name="adminConnectionString"/> names.</summary>
    public static async Task<TestDatabase> CreateAsync(string adminConnectionString)
    {
        var admin = new NpgsqlConnectionStringBuilder(adminConnectionString);
        var name = $"gridactors_{Guid.NewGuid():N}";
        await using (var server = NpgsqlDataSource.Create(admin.ConnectionString))
        {
            await using var create = server.CreateCommand($"CREATE DATABASE {name}");
            await create.ExecuteNonQueryAsync();
        }
        var database = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = name };
        return new TestDatabase(adminConnectionString, name, database.ConnectionString);
    }

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        return await command.ExecuteScalarAsync() is { } value and not DBNull ? (T)value : default!;
    }

    public async Task<int> ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    public Task<List<string>> StringsAsync(string sql, params (string Name, object Value)[] parameters) =>
        RowsAsync(sql, row => row.GetString(0), parameters);

    public async Task<List<T>> RowsAsync<T>(string sql, Func<NpgsqlDataReader, T> read, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }
        return rows;
    }

    private NpgsqlCommand Command(string sql, (string Name, object Value)[] parameters)
    {
        var command = DataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return command;
    }

    /// <summary>Drops the database even while a killed silo or process still holds connections to it.</summary>
    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        // The ADO.NET providers pool by connection string; their idle connections to this database go with it.
        await using (var pooled = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }
        await using var server = NpgsqlDataSource.Create(_admin);
        await using var drop = server.CreateCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
        await drop.ExecuteNonQueryAsync();
    }
}
