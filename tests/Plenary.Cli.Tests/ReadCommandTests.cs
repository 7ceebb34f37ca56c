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
}
