using System.Text.RegularExpressions;
using Plenary.Tests;

namespace Plenary.Cli.Tests;

/// <summary>The registry address picks the engine: a file path is SQLite, postgresql://… or a connection string is PostgreSQL.</summary>
public class EngineChoiceTests
{
    [SkippableFact]
    public void The_founding_query_answers_the_same_on_both_engines_after_init()
    {
        var folder = Directory.CreateTempSubdirectory("plenary-cli-engines-").FullName;
        try
        {
            var file = Path.Combine(folder, "registry.db");
            var server = TestEngines.Address("postgres", Path.Combine(folder, "pg"));
            var b = new Npgsql.NpgsqlConnectionStringBuilder(server);
            var url = $"postgresql://{b.Username}@{b.Host}:{b.Port}/{b.Database}";
            string Status(string db)
            {
                var init = Plenary.Run("init", "--db", db);
                Assert.True(init.ExitCode == 0, init.Err);
                var r = Plenary.Run("status", "ARM", "csto", "--on", "2024-11-28", "--format", "json", "--db", db);
                Assert.True(r.ExitCode == 0, r.Err);
                // Each registry records its claims when it is made: only those times may differ.
                return Regex.Replace(r.Out, "\"recorded_at\": \"[^\"]*\"", "\"recorded_at\": \"…\"");
            }
            var sqlite = Status(file);
            Assert.Contains("\"participation-frozen\"", sqlite);
            Assert.Equal(sqlite, Status(url));
            // The connection-string form names the same registry: init again changes nothing.
            var again = Plenary.Run("init", "--db", server);
            Assert.True(again.ExitCode == 0, again.Err);
            Assert.Contains("already a registry", again.Out);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            TestEngines.DropUnder(folder);
            Directory.Delete(folder, recursive: true);
        }
    }
}
