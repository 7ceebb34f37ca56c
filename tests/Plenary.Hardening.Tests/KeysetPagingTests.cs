using System.Net;
using System.Text;
using System.Text.Json;
using Plenary.Store;
using Plenary.Store.Accounts;
using Xunit.Abstractions;

namespace Plenary.Hardening.Tests;

/// <summary>
/// Keyset paging of the lists that grow with use (claims, the audit log, articles), on both engines through the real
/// server: following <c>next_cursor</c> meets every row exactly once while rows are added between pages; a cursor that
/// was altered, sent to another list, with other filters or together with an offset is a 400 problem.
/// </summary>
[Collection(HardeningCollection.Name)]
public sealed class KeysetPagingTests(ITestOutputHelper output)
{
    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Following_next_cursor_meets_every_row_once_while_rows_are_added(string engine)
    {
        using var regs = new Registries(engine);
        await using var server = await InProcessServer.StartAsync(engine, regs.Folder);
        var editor = server.Key(AccountRole.Editor);
        var admin = server.Key(AccountRole.Admin);
        int added = 0;
        async Task Ingest()
        {
            var n = added++;
            var body = JsonSerializer.Serialize(new
            {
                id = $"keyset-{n}",
                published = $"2024-03-{1 + n % 28:00}",
                text = $"Armenia froze its participation in the CSTO on {1 + n % 28} February 2024, Prime Minister Nikol Pashinyan said in statement {n}.",
            });
            using var resp = await server.Send(HttpMethod.Post, "/api/v1/articles", editor, body);
            Assert.True(resp.IsSuccessStatusCode, await resp.Content.ReadAsStringAsync());
        }
        async Task<(HttpStatusCode Status, JsonElement Body)> Get(string url)
        {
            using var resp = await server.Send(HttpMethod.Get, url, admin);
            var text = await resp.Content.ReadAsStringAsync();
            return (resp.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
        }
        for (int i = 0; i < 6; i++) await Ingest();

        // The OpenAPI document offers the cursor on each keyset-paged list, and says what it is.
        var doc = JsonDocument.Parse(await server.Client.GetStringAsync("/openapi/v1.json")).RootElement;
        foreach (var path in new[] { "/api/v1/claims", "/api/v1/audit", "/api/v1/articles" })
        {
            var cursorParam = doc.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "cursor");
            Assert.Contains("next_cursor", cursorParam.GetProperty("description").GetString(), StringComparison.Ordinal);
        }
        Assert.Contains("next_cursor", doc.GetProperty("components").GetProperty("schemas").GetProperty("PageInfo").GetProperty("properties").EnumerateObject().Select(p => p.Name));

        // Walks a list by cursor, adding an article (its claims, its audit entry) after every page.
        async Task<List<string>> Walk(string list, string items, string key, int limit)
        {
            var seen = new List<string>();
            string? cursor = null;
            for (int pages = 0; ; pages++)
            {
                Assert.True(pages < 10_000, "the walk ends");
                var (status, body) = await Get($"/api/v1/{list}{(list.Contains('?', StringComparison.Ordinal) ? '&' : '?')}limit={limit}" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
                Assert.True(status == HttpStatusCode.OK, body.ToString());
                seen.AddRange(body.GetProperty(items).EnumerateArray().Select(e => e.GetProperty(key).ToString()));
                cursor = body.GetProperty("page").TryGetProperty("next_cursor", out var next) ? next.GetString() : null;
                if (cursor is null) return seen;
                await Ingest();
            }
        }

        // Claims, in recording order: those added while paging come after the cursor, so the walk ends with all of them.
        var claimsAtStart = server.Registry.Read(s => s.Claims(new ClaimFilter { Review = null })).Select(c => c.Id).ToList();
        var claims = await Walk("claims", "claims", "id", 7);
        var claimsAtEnd = server.Registry.Read(s => s.Claims(new ClaimFilter { Review = null })).Select(c => c.Id).ToList();
        output.WriteLine($"claims: {claimsAtStart.Count} at the start, {claimsAtEnd.Count} at the end, {claims.Count} met by the walk");
        Assert.Equal(claims.Count, claims.Distinct(StringComparer.Ordinal).Count());
        Assert.True(claimsAtEnd.Count > claimsAtStart.Count, "claims were added while paging");
        Assert.Equal(claimsAtEnd, claims);

        // A filtered walk (the review state is part of the query) agrees with the store's own answer.
        var proposed = await Walk("claims?review=proposed&type=membership", "claims", "id", 3);
        var proposedAtEnd = server.Registry.Read(s => s.Claims(new ClaimFilter { Review = Plenary.Core.Claims.ReviewState.Proposed, Type = Plenary.Core.Claims.ClaimType.Membership })).Select(c => c.Id).ToList();
        Assert.Equal(proposedAtEnd, proposed);

        // Newest first (audit log, articles): rows added while paging come before the cursor; every row there at the start is met once.
        foreach (var (list, items, key) in new[] { ("audit", "entries", "seq"), ("articles", "articles", "id") })
        {
            var (_, all) = await Get($"/api/v1/{list}?limit=500");
            var atStart = all.GetProperty(items).EnumerateArray().Select(e => e.GetProperty(key).ToString()).ToList();
            var walked = await Walk(list, items, key, 4);
            output.WriteLine($"{list}: {atStart.Count} at the start, {walked.Count} met by the walk");
            Assert.Equal(walked.Count, walked.Distinct(StringComparer.Ordinal).Count());
            Assert.Equal(atStart, walked.Where(atStart.Contains).ToList());
        }

        // Offset paging still works, beside the cursor.
        var (okStatus, byOffset) = await Get("/api/v1/claims?offset=3&limit=2");
        Assert.Equal(HttpStatusCode.OK, okStatus);
        Assert.Equal(claimsAtEnd.Skip(3).Take(2).ToList(), byOffset.GetProperty("claims").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToList());

        // Cursors that were not given by this list, with these filters, are refused.
        var (_, first) = await Get("/api/v1/claims?limit=2&type=membership");
        var good = first.GetProperty("page").GetProperty("next_cursor").GetString()!;
        var tampered = (good[5] == 'A' ? "B" : "A") is var ch ? good[..5] + ch + good[6..] : good;
        foreach (var bad in new[]
        {
            "/api/v1/claims?limit=2&type=membership&cursor=" + Uri.EscapeDataString(tampered),
            "/api/v1/claims?limit=2&type=membership&cursor=not-a-cursor%00",
            "/api/v1/claims?limit=2&type=membership&cursor=" + new string('x', 5000),
            "/api/v1/claims?limit=2&type=chair&cursor=" + Uri.EscapeDataString(good),
            "/api/v1/audit?limit=2&cursor=" + Uri.EscapeDataString(good),
            "/api/v1/claims?limit=2&type=membership&offset=2&cursor=" + Uri.EscapeDataString(good),
        })
        {
            var (status, body) = await Get(bad);
            output.WriteLine($"{status}: {body.GetProperty("detail").GetString()}");
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Contains("cursor", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }
}
