using Microsoft.Playwright;
using Plenary.Core.Articles;
using Plenary.Store.Accounts;

namespace Plenary.Web.Tests;

/// <summary>
/// The pages in a real browser: Debian's Chromium, headless, driven by Playwright. Skipped, with the reason, where
/// /usr/bin/chromium is not installed (apt-get install -y chromium). Saves screenshots to docs/screenshots/.
/// </summary>
// The browser tests run alone, after the others: with every other test class starting servers on the same two cores, the
// sign-in-and-ingest walk has once waited past its 90 s (not seen when run alone in 30 runs; see the timeout message).
[Collection(BrowserCollection.Name)]
public sealed class BrowserTests : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly string SeedText = TestServer.SeedText;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium)) return;
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }

    private async Task<IPage> NewPage(TestServer s, int width = 1280)
    {
        Skip.IfNot(File.Exists(Chromium), $"{Chromium} is not installed: apt-get install -y chromium to run the browser tests");
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = s.BaseAddress.ToString(),
            ViewportSize = width >= 800 ? new ViewportSize { Width = width, Height = 900 } : new ViewportSize { Width = width, Height = 844 },
            IsMobile = width < 800,
            HasTouch = width < 800,
            DeviceScaleFactor = 1,
        });
        // CI runs these beside the other test projects on two cores: give slow moments room (a real hang still fails).
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        var page = await context.NewPageAsync();
        // Any script dialog means injected markup ran: fail loudly.
        page.Dialog += (_, d) => throw new InvalidOperationException($"a script ran and opened a dialog: {d.Message}");
        return page;
    }

    /// <summary>
    /// Waits until the browser is on a page matching <paramref name="glob"/> and that page's markup has arrived (its footer
    /// is the last element). Deliberately not the "load" event: once in CI, after a click on a link, Chromium committed
    /// the new page and Playwright's wait for "load" never returned (90 s, "NetworkIdle event fired"), while the server
    /// had answered in milliseconds. Locators wait for their own elements after this.
    /// </summary>
    /// <summary>Opens a page and waits for its document and deferred script (the tooltips), not for "load" (see <see cref="Arrived"/>).</summary>
    private static Task Open(IPage page, string url) => page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded });

    private static async Task Arrived(IPage page, string glob)
    {
        await page.WaitForURLAsync(glob, new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        await page.Locator("body > footer").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
    }

    private static string Screenshot(string name)
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "Plenary.sln"))) dir = Path.GetDirectoryName(dir);
        var folder = Path.Combine(dir ?? Path.GetTempPath(), "docs", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    [SkippableFact]
    public async Task The_CSTO_page_shows_Armenias_frozen_band_and_the_attendance_matrix()
    {
        // What `plenary serve` shows on a new registry: the shipped curated data and the seed article.
        await using var s = await TestServer.StartAsync(shipped: true);
        var page = await NewPage(s);
        await Open(page, "/orgs/csto?on=2024-11-28");
        Assert.StartsWith("Collective Security Treaty Organization", (await page.Locator("h1").InnerTextAsync()).Trim());

        var frozen = page.Locator("svg rect.band[data-row='ARM'][data-standing='participation-frozen']");
        Assert.Equal(1, await frozen.CountAsync());
        Assert.True(await frozen.IsVisibleAsync());
        Assert.Equal("2024-02", await frozen.GetAttributeAsync("data-from"));
        var box = (await frozen.BoundingBoxAsync())!;
        Assert.True(box.Width > 3, "the frozen band is wide enough to see");
        // Its colour differs from a member's band.
        var fill = await frozen.EvaluateAsync<string>("e => getComputedStyle(e).fill");
        var memberFill = await page.Locator("svg rect.band[data-row='RUS'][data-standing='member']").EvaluateAsync<string>("e => getComputedStyle(e).fill");
        Assert.NotEqual(memberFill, fill);
        // Hovering shows the tooltip (the one bit of JavaScript).
        await frozen.HoverAsync();
        Assert.Contains("participation-frozen from 2024-02", await page.Locator(".tip").InnerTextAsync());

        Assert.True(await page.Locator("table.matrix td.att-absent").CountAsync() >= 1, "Armenia's absences are in the matrix");
        Assert.Contains("Armenia: absent", await page.Locator("table.matrix").InnerTextAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("organization.png"), FullPage = true });

        // The frozen band links to the status page of that day.
        await frozen.ClickAsync();
        await Arrived(page, "**/status?**");
        Assert.Contains("participation-frozen", await page.Locator("p.status").InnerTextAsync());
    }

    [SkippableFact]
    public async Task An_editor_signs_in_ingests_the_seed_article_accepts_its_claims_and_the_status_page_changes()
    {
        await using var s = await TestServer.StartAsync();
        s.AddUser("edna", AccountRole.Editor, "correct horse battery");
        var page = await NewPage(s);

        await Open(page, "/status?state=ARM&org=csto&on=2024-11-28");
        var before = await page.Locator("section:has(h2:text('Who says so'))").InnerTextAsync();
        Assert.DoesNotContain("Doors open", before);

        // Writing needs an editor: the ingest page sends to sign-in, and back after it.
        await Open(page, "/ingest");
        Assert.Contains("/signin", page.Url);
        await page.FillAsync("input[name=name]", "edna");
        await page.FillAsync("input[name=password]", "wrong password");
        await page.ClickAsync("form.stack button[type=submit]");
        Assert.Contains("wrong", await page.Locator("p.error").InnerTextAsync());
        await page.FillAsync("input[name=name]", "edna");
        await page.FillAsync("input[name=password]", "correct horse battery");
        await page.ClickAsync("form.stack button[type=submit]");
        await Arrived(page, "**/ingest");

        await page.FillAsync("textarea[name=text]", SeedText);
        await page.FillAsync("input[name=published]", "2024-11-27");
        await page.FillAsync("input[name=title]", "Doors open for Armenia in the CSTO, Ushakov says");
        await page.FillAsync("input[name=outlet]", "News.am");
        await page.ClickAsync("form.stack button[type=submit]");
        try
        {
            await Arrived(page, "**/review?article=*");
        }
        catch (TimeoutException e)
        {
            // Say where the browser was and what it showed: a timeout alone does not tell a hang from an error page.
            string shown;
            try { shown = await page.Locator("main").InnerTextAsync(new LocatorInnerTextOptions { Timeout = 5_000 }); }
            catch (Exception) { shown = "(the page did not answer)"; }
            throw new TimeoutException($"ingest did not reach the review page: at {page.Url}, showing: {shown[..Math.Min(shown.Length, 2000)]}", e);
        }
        var items = page.Locator("li.review-item");
        Assert.True(await items.CountAsync() >= 3, "the reader proposed claims");
        Assert.Contains("participation frozen in the CSTO", await page.Locator("main").InnerTextAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("review.png"), FullPage = false });

        // Reject one, accept the rest.
        var first = await items.First.GetAttributeAsync("data-claim");
        var frozenItem = page.Locator("li.review-item:has-text('participation-frozen')").First;
        var frozenId = await frozenItem.GetAttributeAsync("data-claim");
        if (first != frozenId)
        {
            // The form posts and the queue comes back without the rejected claim: wait for that, not for a load state
            // the old page already had.
            await items.First.Locator("button.reject").ClickAsync();
            await page.Locator($"li.review-item[data-claim='{first}']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
            await page.Locator("body > footer").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        }
        await page.Locator("section.review-group button.accept:has-text('Accept all')").First.ClickAsync();
        await Arrived(page, "**/articles/*");
        Assert.True(await page.Locator("mark.ev.rv-accepted").CountAsync() >= 2, "accepted evidence is highlighted");
        Assert.Equal(1, await page.Locator($"#ev-{frozenId}").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("article.png"), FullPage = true });

        // Clicking a highlight goes to its claim.
        await page.Locator($"#ev-{frozenId} a").ClickAsync();
        Assert.EndsWith($"#claim-{frozenId}", page.Url);

        await Open(page, "/status?state=ARM&org=csto&on=2024-11-28");
        var after = await page.Locator("section:has(h2:text('Who says so'))").InnerTextAsync();
        Assert.Contains("Doors open for Armenia", after);
        Assert.NotEqual(before, after);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("status.png"), FullPage = true });
    }

    /// <summary>
    /// The organization, state, meeting and review pages at a desktop width and a phone's (390 px): screenshots of each
    /// in docs/screenshots/, every chart label whole, in view and on its row's line, no two labels alike, a chart still readable on the phone
    /// (it scrolls in its own box), and nothing wider than the screen.
    /// </summary>
    [SkippableTheory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task The_main_pages_fit_a_desktop_and_a_phone_screen(int width)
    {
        await using (var s = await TestServer.StartAsync(shipped: true))
        {
            var page = await NewPage(s, width);
            await Open(page, "/orgs/csto?on=2024-11-28");
            await ChartFits(page, "#timeline", width);
            await FitsTheScreen(page, width);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot($"organization-{width}.png"), FullPage = true });

            await Open(page, "/states/ARM?on=2024-11-28");
            await ChartFits(page, "#memberships", width);
            await FitsTheScreen(page, width);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot($"state-{width}.png"), FullPage = true });

            // A long chart: every state in the United Nations, many with long names.
            await Open(page, "/orgs/un?on=2024-11-28");
            await ChartFits(page, "#timeline", width);

            await Open(page, "/meetings/csto-2024-11-28-astana-cdm-cfm-cssc");
            Assert.Contains("Council of Foreign Ministers", await page.Locator("h1").InnerTextAsync() + await page.Locator("p.facts").InnerTextAsync());
            var evidence = page.Locator("td.evidence").First;
            var box = (await evidence.BoundingBoxAsync())!;
            Assert.True(box.Width >= Math.Min(240, width - 60), $"the evidence column is {box.Width:0} px wide at {width} px: too narrow to read");
            await FitsTheScreen(page, width);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot($"meeting-{width}.png"), FullPage = true });
        }

        await using (var s = await TestServer.StartAsync())
        {
            s.AddUser("edna", AccountRole.Editor, "correct horse battery");
            s.AddProposed(new Article("seed", SeedText, new DateOnly(2024, 11, 27), Title: "Doors open for Armenia in the CSTO, Ushakov says"));
            var page = await NewPage(s, width);
            await Open(page, "/signin?returnUrl=%2Freview");
            await page.FillAsync("input[name=name]", "edna");
            await page.FillAsync("input[name=password]", "correct horse battery");
            await page.ClickAsync("form.stack button[type=submit]");
            await Arrived(page, "**/review");
            var item = page.Locator("li.review-item:has-text('participation frozen')").First;
            // A correction is made with the fact's fields, not raw JSON; the reader's rule is not what the claim says.
            await item.Locator("details:has(summary:text('Correct')) > summary").ClickAsync();
            Assert.Equal("participation-frozen", await item.Locator("select[name='f.status']").InputValueAsync());
            Assert.Equal("ARM", await item.Locator("input[name='f.state']").InputValueAsync());
            Assert.Equal(0, await item.Locator("textarea[name=fact]").CountAsync());
            Assert.DoesNotContain("rule ", await item.Locator("p.says").InnerTextAsync());
            await FitsTheScreen(page, width);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot($"review-{width}.png"), FullPage = true });
        }
    }

    /// <summary>
    /// The chart as a reader sees it on load: the labels' column shown (one of its two widths) and on the screen, every
    /// label's text inside its own box (the column's width, its row's height) and large enough to read, no two labels
    /// alike, each label on the same line as its row's bands, and the plot beside it showing its latest year. At a
    /// phone's width the plot keeps a readable width and scrolls sideways in its own box; at a desktop's it fits whole.
    /// </summary>
    private static async Task ChartFits(IPage page, string chart, int width)
    {
        var m = await page.Locator(chart).EvaluateAsync<System.Text.Json.JsonElement>(@"figure => {
            const box = e => { const r = e.getBoundingClientRect(); return { left: r.left, right: r.right, top: r.top, bottom: r.bottom }; };
            const columns = Array.from(figure.querySelectorAll('svg.chart-labels')).filter(c => getComputedStyle(c).display !== 'none');
            const scroller = figure.querySelector('.chart-scroll'), plot = scroller.querySelector('svg');
            const column = columns[0];
            const labels = column ? Array.from(column.querySelectorAll('g.row')).map(g => {
                const text = g.querySelector('text.label');
                const bands = Array.from(plot.querySelectorAll(`g.row[data-row='${g.dataset.row}'] rect.band`)).map(box);
                return {
                    row: g.dataset.row,
                    text: Array.from(text.childNodes).filter(n => n.nodeName !== 'title').map(n => n.textContent.trim()).join(' '),
                    box: box(text),
                    drawn: text.getBBox().height * text.getScreenCTM().d,
                    bandCentre: bands.length ? (bands[0].top + bands[0].bottom) / 2 : null,
                };
            }) : [];
            const years = plot.querySelectorAll('text.year'), last = years[years.length - 1];
            return {
                columns: columns.length, column: column ? box(column) : null, rows: column ? column.querySelectorAll('g.row').length : 0,
                plotRows: plot.querySelectorAll('g.row').length, figure: box(figure), scroller: box(scroller), plot: box(plot),
                scrollWidth: scroller.scrollWidth, clientWidth: scroller.clientWidth, overflowX: getComputedStyle(scroller).overflowX,
                lastYear: last.textContent.trim(), lastYearBox: box(last), viewport: window.innerWidth, labels,
            };
        }");
        double D(System.Text.Json.JsonElement e, string name) => e.GetProperty(name).GetDouble();
        var at = $"at {width} px ({page.Url})";
        Assert.True(m.GetProperty("columns").GetInt32() == 1, $"one labels' column is shown, not {m.GetProperty("columns").GetInt32()}, {at}");
        var column = m.GetProperty("column");
        var figure = m.GetProperty("figure");
        var viewport = D(m, "viewport");
        // The column is on the screen as the page opens: nothing to scroll to see which row is which.
        Assert.True(D(column, "left") >= Math.Max(0, D(figure, "left")) - 0.5 && D(column, "right") <= Math.Min(viewport, D(figure, "right")) + 0.5 && D(column, "right") - D(column, "left") >= 60,
            $"the labels' column ({D(column, "left"):0.#}..{D(column, "right"):0.#} px) is not wholly in view (chart {D(figure, "left"):0.#}..{D(figure, "right"):0.#}, screen 0..{viewport}) {at}");
        var rows = m.GetProperty("rows").GetInt32();
        Assert.True(rows > 0 && rows == m.GetProperty("plotRows").GetInt32(), $"{rows} labels for {m.GetProperty("plotRows").GetInt32()} rows of bands {at}");

        var labels = m.GetProperty("labels").EnumerateArray().ToList();
        var pitch = labels.Count > 1 ? (D(labels[^1].GetProperty("box"), "top") - D(labels[0].GetProperty("box"), "top")) / (labels.Count - 1) : 0;
        var aligned = 0;
        foreach (var l in labels)
        {
            var text = l.GetProperty("text").GetString()!;
            var b = l.GetProperty("box");
            Assert.True(text.Length > 0, $"an empty label in row {l.GetProperty("row")} {at}");
            // Its text fits the column: not cut off at either side (SVG clips at its own box).
            Assert.True(D(b, "left") >= D(column, "left") - 0.5 && D(b, "right") <= D(column, "right") + 0.5,
                $"the label '{text}' ({D(b, "left"):0.#}..{D(b, "right"):0.#} px) runs out of its column ({D(column, "left"):0.#}..{D(column, "right"):0.#} px) {at}");
            Assert.True(D(b, "top") >= D(column, "top") - 0.5 && D(b, "bottom") <= D(column, "bottom") + 0.5, $"the label '{text}' runs out of its column at the top or bottom {at}");
            var drawn = D(l, "drawn");
            Assert.True(drawn >= 11, $"the label '{text}' is drawn {drawn:0.#} px high {at}: too small to read");
            if (l.GetProperty("bandCentre").ValueKind == System.Text.Json.JsonValueKind.Null) continue;
            // On its row's line: the label's centre and its bands' centre at the same height, and the label no taller than a row.
            var centre = (D(b, "top") + D(b, "bottom")) / 2;
            var bands = l.GetProperty("bandCentre").GetDouble();
            Assert.True(Math.Abs(centre - bands) <= 1.5, $"the label '{text}' is centred at {centre:0.#} px, its bands at {bands:0.#} px {at}: the rows do not line up");
            if (pitch > 0) Assert.True(D(b, "bottom") - D(b, "top") <= pitch + 0.5, $"the label '{text}' is {D(b, "bottom") - D(b, "top"):0.#} px high, a row {pitch:0.#} px {at}");
            aligned++;
        }
        Assert.True(aligned > 0, $"no row of bands to line the labels up with {at}");
        var twins = labels.GroupBy(l => l.GetProperty("text").GetString()).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twins.Count == 0, $"labels that read the same: {string.Join(", ", twins)} {at}");

        // The plot fills the rest of the width, and opens at its latest year: that year's label is in the plot's box and on the screen.
        var scroller = m.GetProperty("scroller");
        Assert.True(Math.Abs(D(scroller, "left") - D(column, "right")) <= 1 && D(scroller, "right") <= D(figure, "right") && D(figure, "right") - D(scroller, "right") <= 12,
            $"the plot ({D(scroller, "left"):0.#}..{D(scroller, "right"):0.#} px) does not fill the chart beside its labels ({D(column, "right"):0.#}..{D(figure, "right"):0.#} px) {at}");
        var year = m.GetProperty("lastYearBox");
        Assert.True(D(year, "left") >= Math.Max(0, D(scroller, "left")) - 0.5 && D(year, "right") <= Math.Min(viewport, D(scroller, "right")) + 0.5,
            $"the latest year on the axis, {m.GetProperty("lastYear")}, is out of view on load ({D(year, "left"):0.#}..{D(year, "right"):0.#} px; the plot's box {D(scroller, "left"):0.#}..{D(scroller, "right"):0.#} px) {at}");
        var (scrollWidth, clientWidth) = (D(m, "scrollWidth"), D(m, "clientWidth"));
        if (width < 800)
            Assert.True(scrollWidth > clientWidth && m.GetProperty("overflowX").GetString() == "auto", $"on a phone the plot keeps a readable width and scrolls sideways in its own box ({scrollWidth} in {clientWidth} px) {at}");
        else
            Assert.True(scrollWidth <= clientWidth, $"on a desktop the plot fits without scrolling ({scrollWidth} in {clientWidth} px) {at}");
    }

    /// <summary>Nothing makes the page wider than the screen (a wide table or chart scrolls inside its own box).</summary>
    private static async Task FitsTheScreen(IPage page, int width)
    {
        var sizes = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        var (scroll, client) = (sizes[0], sizes[1]);
        Assert.True(scroll <= client + 1, $"the page is {scroll} px wide on a {client} px screen ({width} px viewport, {page.Url})");
        // The tables fit too: only the attendance matrix and the audit log, wide by nature, scroll in their box.
        var wide = await page.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('.table-wrap')).filter(w => w.scrollWidth > w.clientWidth + 1).map(w => w.querySelector('th') ? w.querySelector('th').textContent : '?')");
        Assert.True(wide.Length == 0, $"tables wider than a {width} px screen: {string.Join(", ", wide)} ({page.Url})");
        // A date never breaks inside.
        var broken = await page.EvaluateAsync<string[]>(@"() => Array.from(document.querySelectorAll('td.date, .nowrap')).filter(e => {
            if (!e.offsetParent) return false; // folded away (a closed details element)
            const r = document.createRange(); r.selectNodeContents(e);
            return new Set(Array.from(r.getClientRects()).filter(b => b.width > 0).map(b => Math.round(b.top))).size > 1;
        }).map(e => e.textContent)");
        Assert.True(broken.Length == 0, $"dates broken over two lines: {string.Join(", ", broken)} ({page.Url})");
    }

    [SkippableFact]
    public async Task Markup_in_an_article_is_shown_as_text_and_never_runs()
    {
        await using var s = await TestServer.StartAsync();
        const string evil = "Armenia <script>alert('xss')</script> froze its participation in the CSTO. Attr \" onmouseover=\"alert(2)\" x=\" and <img src=x onerror=alert(3)> end.";
        s.AddProposed(new Article("evil", evil, new DateOnly(2024, 11, 27), Title: "<b onmouseover=alert(4)>Title</b>"));
        var page = await NewPage(s);
        await Open(page, "/articles/evil");
        var text = await page.Locator("article.article-text").InnerTextAsync();
        Assert.Contains("<script>alert('xss')</script>", text);
        Assert.Contains("\" onmouseover=\"alert(2)\"", text);
        Assert.Equal(0, await page.Locator("article script, article img, h1 b").CountAsync());
        Assert.Contains("<b onmouseover=alert(4)>Title</b>", await page.Locator("h1").InnerTextAsync());
        await page.HoverAsync("article.article-text");
        await page.HoverAsync("h1");
        await Open(page, "/search?q=alert");
        Assert.Equal(0, await page.Locator("main script, main img").CountAsync());
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection
{
    public const string Name = "browser";
}
