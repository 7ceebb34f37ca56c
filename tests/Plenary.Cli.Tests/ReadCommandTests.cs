namespace Plenary.Cli.Tests;

/// <summary>
/// <c>plenary read</c> without a registry reads the names alone from the data folder shipped with the program (the
/// facts are not loaded, no database is made), and proposes the same claims as with a registry made from that data.
/// </summary>
public class ReadCommandTests(ShippedRegistry registry) : IClassFixture<ShippedRegistry>
{
    private const string Text = "Sahel states leave the bloc\n\nBurkina Faso withdrew from the Economic Community of West African States on "
        + "29 January 2025, the bloc said. Kenyan President William Ruto met the ECOWAS chair in Abuja.\n";

    [Fact]
    public void Read_without_a_registry_gives_the_claims_read_with_one_and_makes_no_database()
    {
        var folder = Directory.CreateTempSubdirectory("plenary-read-").FullName;
        try
        {
            var file = Path.Combine(folder, "sahel.txt");
            File.WriteAllText(file, Text);
            var noDb = Path.Combine(folder, "none.db");

            var alone = Plenary.Run("read", file, "--db", noDb, "--published", "2025-01-30", "--timings");
            Assert.Equal(0, alone.ExitCode);
            Assert.False(File.Exists(noDb));
            Assert.Contains("\"state\":\"BFA\",\"org\":\"ecowas\",\"status\":\"withdrawn\"", alone.Out);
            foreach (var stage in new[] { "startup:catalog", "startup:reader", "load", "tokens", "claims:merge", "output" })
                Assert.Contains($"stage {stage} ", alone.Err);

            var withRegistry = registry.Run("read", file, "--published", "2025-01-30");
            Assert.Equal(0, withRegistry.ExitCode);
            Assert.Equal(withRegistry.Out, alone.Out);
        }
        finally { Directory.Delete(folder, true); }
    }

    [Fact]
    public void A_folder_is_printed_in_file_order_with_its_explanations_and_the_file_that_could_not_be_read()
    {
        var folder = Directory.CreateTempSubdirectory("plenary-read-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "a.txt"), "Mali withdrew from ECOWAS on 29 January 2025, the bloc said.\n");
            File.WriteAllText(Path.Combine(folder, "b.json"), "{\"text\": 5}");
            File.WriteAllText(Path.Combine(folder, "c.txt"), "Niger withdrew from ECOWAS on 29 January 2025, the bloc said.\n");

            var read = Plenary.Run("read", folder, "--db", Path.Combine(folder, "none.db"), "--published", "2025-01-30", "--explain");
            Assert.Equal(1, read.ExitCode);
            var lines = read.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(["a", "c"], lines.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("doc").GetString()).Distinct());
            var err = read.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            int a = Array.FindIndex(err, l => l.StartsWith("a: membership ← ", StringComparison.Ordinal));
            int b = Array.FindIndex(err, l => l.Contains("b.json: field 'text'", StringComparison.Ordinal));
            int c = Array.FindIndex(err, l => l.StartsWith("c: membership ← ", StringComparison.Ordinal));
            Assert.True(a >= 0 && a < b && b < c, read.Err);
            Assert.Contains("1 of 3 article file(s) could not be read", read.Err);
        }
        finally { Directory.Delete(folder, true); }
    }
}
