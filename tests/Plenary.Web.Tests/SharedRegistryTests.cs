using Plenary.Core.Articles;
using Plenary.Core.Claims;
using Plenary.Editorial;
using Plenary.Store;
using Plenary.Store.Curated;
using Plenary.Tests;

namespace Plenary.Web.Tests;

/// <summary>Two servers on one registry (two <see cref="RegistryService"/>s, as two <c>plenary serve</c> processes hold): a write on one is seen by the other.</summary>
public class SharedRegistryTests
{
    [SkippableTheory]
    [MemberData(nameof(TestEngines.Both), MemberType = typeof(TestEngines))]
    public void An_ingest_and_accept_on_one_server_is_seen_by_the_other(string engine)
    {
        var dir = Directory.CreateTempSubdirectory("plenary-shared-").FullName;
        try
        {
            var path = Path.Combine(dir, "r.db");
            RegistryStore Open(string _) => RegistryStore.Open(TestEngines.Engine(engine, path), seed: s => CuratedSeeding.Seed(s, TestServer.FixtureData));
            using var one = new RegistryService(path, Open);
            using var two = new RegistryService(path, Open);
            int Accepted(RegistryService r) => r.Cached("accepted-from-articles", s => new List<int> { s.Claims(new ClaimFilter()).Count(c => c.SourceId == "shared-1") })[0];
            Assert.Equal(0, Accepted(two)); // now cached on the second server

            var result = one.Write(s =>
            {
                var desk = new Desk(s);
                var r = desk.Ingest(new Article("shared-1", TestServer.SeedText), "editor");
                desk.Accept(r.Claims.Select(c => c.Id).ToList(), "editor");
                return r;
            });
            Assert.NotEmpty(result.Claims);

            // SQLite's data_version is seen at once; PostgreSQL's NOTIFY arrives within moments of the commit.
            var deadline = DateTime.UtcNow.AddSeconds(5);
            while (Accepted(two) == 0 && DateTime.UtcNow < deadline) Thread.Sleep(2);
            Assert.Equal(result.Claims.Count, Accepted(two));
            Assert.NotNull(two.Read(s => s.FindArticle("shared-1")));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            TestEngines.DropUnder(dir);
            Directory.Delete(dir, recursive: true);
        }
    }
}
