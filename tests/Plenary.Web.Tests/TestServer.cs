using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Plenary.Core.Articles;
using Plenary.Core.Claims;
using Plenary.Store;
using Plenary.Store.Accounts;
using Plenary.Store.Curated;
using Plenary.Web;
using Plenary.Web.Accounts;
using Plenary.Web.Editorial;

namespace Plenary.Web.Tests;

/// <summary>
/// The real server (Kestrel on 127.0.0.1, a free port) over a registry of its own in a temporary folder, seeded with
/// the test fixture's small curated data. Disposing stops it and deletes the folder.
/// </summary>
public sealed class TestServer : IAsyncDisposable
{
    public static string FixtureData => Path.Combine(AppContext.BaseDirectory, "Fixtures", "data");

    private readonly string _dir;
    public WebApplication App { get; }
    public Uri BaseAddress { get; }
    public HttpClient Client { get; }
    public string DbPath { get; }

    private TestServer(string dir, WebApplication app, Uri address)
    {
        _dir = dir;
        App = app;
        BaseAddress = address;
        DbPath = Path.Combine(dir, "registry.db");
        Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = address };
    }

    public static async Task<TestServer> StartAsync(IEditorial? editorial = null)
    {
        var dir = Path.Combine(Path.GetTempPath(), "plenary-web-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        var app = WebApp.Build(new WebSettings(Path.Combine(dir, "registry.db"), OpenFixture)
        {
            Urls = ["http://127.0.0.1:0"],
            Editorial = editorial ?? new StoreEditorial(FakeReader.Propose),
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestServer(dir, app, new Uri(address));
    }

    public static RegistryStore OpenFixture(string path) => RegistryStore.Open(path, seed: s => CuratedSeeding.Seed(s, FixtureData));

    public RegistryService Registry => App.Services.GetRequiredService<RegistryService>();

    /// <summary>Creates an account and returns its API key.</summary>
    public string AddUser(string name, AccountRole role, string? password = null) =>
        App.Services.GetRequiredService<AccountService>().Add(name, role, password, "test").ApiKey;

    public HttpClient ClientWithKey(string key)
    {
        var c = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseAddress };
        c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return c;
    }

    /// <summary>Stores an article with proposed claims, as the reader would, and returns the claims' ids.</summary>
    public IReadOnlyList<string> AddProposed(Article article) =>
        Registry.Write(s => new StoreEditorial(FakeReader.Propose).Ingest(s, article, "test")).ProposedClaimIds;

    public static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>
/// A stand-in reader for the web tests: proposes Armenia's frozen participation in the CSTO wherever an article says
/// "freeze its membership", and a statement for each quotation by Ushakov. Enough to exercise ingest and review.
/// </summary>
public static class FakeReader
{
    public static IReadOnlyList<Claim> Propose(Article a, string by, DateTimeOffset at)
    {
        var claims = new List<Claim>();
        var asOf = a.Published is { } p ? Plenary.Core.Time.EdtfDate.Of(p) : (Plenary.Core.Time.EdtfDate?)null;
        int i = a.Text.IndexOf("freeze its membership", StringComparison.Ordinal);
        if (i >= 0)
            claims.Add(Make(a, new MembershipFact(Core.Ids.StateId.Parse("ARM"), Core.Ids.OrgId.Parse("csto"), Standing.ParticipationFrozen, null, asOf), i, i + 21, by, at, claims.Count));
        int m = a.Text.IndexOf("remains a full member", StringComparison.Ordinal);
        if (m >= 0)
            claims.Add(Make(a, new MembershipFact(Core.Ids.StateId.Parse("ARM"), Core.Ids.OrgId.Parse("csto"), Standing.Member, null, asOf), m, m + 21, by, at, claims.Count));
        int q = a.Text.IndexOf('“');
        while (q >= 0)
        {
            int end = a.Text.IndexOf('”', q + 1);
            if (end < 0) break;
            claims.Add(Make(a, new StatementFact("Yuri Ushakov", Core.Ids.StateId.Parse("RUS"), null, asOf, a.Text[(q + 1)..end], ["ARM", "csto"]), q + 1, end, by, at, claims.Count));
            q = a.Text.IndexOf('“', end + 1);
        }
        return claims;
    }

    private static Claim Make(Article a, ClaimFact fact, int start, int end, string by, DateTimeOffset at, int seq)
    {
        var ev = new List<Evidence> { new(start, end) };
        return new Claim { Id = Claim.IdFor(a.Id, fact, ev), Fact = fact, SourceId = a.Id, Evidence = ev, RecordedAt = at, RecordedBy = by, Sequence = seq };
    }
}
