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
using Plenary.Tests;

namespace Plenary.Web.Tests;

/// <summary>
/// The real server (Kestrel on 127.0.0.1, a free port) over a registry of its own in a temporary folder, seeded with
/// the test fixture's small curated data: a SQLite file, or on <c>engine: "postgres"</c> a PostgreSQL database of its own
/// (<see cref="TestEngines"/>). Disposing stops it and deletes the folder (and drops the database).
/// </summary>
public sealed class TestServer : IAsyncDisposable
{
    public static string FixtureData => Path.Combine(AppContext.BaseDirectory, "Fixtures", "data");

    /// <summary>The founding article's text, as Plenary ships it (data/articles/seed-article.json).</summary>
    public static string SeedText { get; } = Plenary.Reader.Articles.ArticleFiles.Load(Plenary.Editorial.SeedArticle.DefaultPath).Text;

    private readonly string _dir;
    public WebApplication App { get; }
    public Uri BaseAddress { get; }
    public HttpClient Client { get; }
    public string DbPath { get; }

    /// <summary>The registry's engine: "sqlite" or "postgres".</summary>
    public string Engine { get; }

    private TestServer(string dir, WebApplication app, Uri address, string engine)
    {
        _dir = dir;
        Engine = engine;
        App = app;
        BaseAddress = address;
        DbPath = Path.Combine(dir, "registry.db");
        Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = address };
    }

    /// <summary>True when the project's curated data travelled to the test's output (data/ next to the binary).</summary>
    public static bool HasShippedData => File.Exists(Path.Combine(CuratedData.DefaultFolder, "states.yaml"));

    /// <summary>
    /// Starts a server over a new registry: the small test fixture, or with <paramref name="shipped"/> (and the data
    /// present) what <c>plenary serve</c> creates — the curated data and the seed article, read and accepted.
    /// </summary>
    public static async Task<TestServer> StartAsync(IEditorial? editorial = null, bool shipped = false, IReadOnlyDictionary<string, string?>? configuration = null,
        string engine = "sqlite")
    {
        var dir = Path.Combine(Path.GetTempPath(), "plenary-web-" + Guid.NewGuid().ToString("N")[..12]);
        // The registry's database is made first, so a PostgreSQL case without a server skips here, not inside a request.
        TestEngines.Address(engine, Path.Combine(dir, "registry.db"));
        Directory.CreateDirectory(dir);
        var app = WebApp.Build(new WebSettings(Path.Combine(dir, "registry.db"), shipped && HasShippedData ? OpenShipped : path => OpenFixture(engine, path))
        {
            Urls = ["http://127.0.0.1:0"],
            Editorial = editorial,
            Configuration = configuration,
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestServer(dir, app, new Uri(address), engine);
    }

    public static RegistryStore OpenShipped(string path) => RegistryStore.Open(new Plenary.Store.Sqlite.SqliteEngine(path), seed: s =>
    {
        CuratedSeeding.Seed(s);
        Plenary.Editorial.SeedArticle.Ingest(s);
    });

    public static RegistryStore OpenFixture(string path) => OpenFixture("sqlite", path);

    public static RegistryStore OpenFixture(string engine, string path) => RegistryStore.Open(TestEngines.Engine(engine, path), seed: s => CuratedSeeding.Seed(s, FixtureData));

    /// <summary>Another connection to the server's registry, as another process (<c>plenary accept</c>) would open.</summary>
    public RegistryStore OpenAnother() => OpenFixture(Engine, DbPath);

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
        Registry.Write(s => new DeskEditorial().Ingest(s, article, "test")).ProposedClaimIds;

    public static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TestEngines.DropUnder(_dir);
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
