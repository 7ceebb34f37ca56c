namespace Plenary.Cli.Tests;

/// <summary>
/// A newcomer's mistakes and questions through the real binary (issue 12, items 1–4): a mistake is one line on stderr
/// with exit code 2, and nothing is created or written by it.
/// </summary>
public class NewcomerTests(ShippedRegistry registry) : IClassFixture<ShippedRegistry>
{
    private static string OneLine(Plenary.Result r, int exitCode = 2)
    {
        Assert.True(r.ExitCode == exitCode, $"exit {r.ExitCode}, expected {exitCode}: {r.Err}");
        var lines = r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, $"expected one line on stderr, got: {r.Err}");
        Assert.DoesNotContain("Description:", r.Out + r.Err);
        Assert.DoesNotContain("   at ", r.Out + r.Err);
        return lines[0];
    }

    // Item 1: parser mistakes are one line with the closest option or the values allowed, exit 2 (not the help, exit 1).
    [Theory]
    [InlineData("unknown option '--date' for `plenary status`; closest: --on", "status", "ARM", "csto", "--date", "2024-11-28")]
    [InlineData("--format: 'yaml' is not one of table, json", "status", "ARM", "csto", "--format", "yaml")]
    [InlineData("--format: 'jsn' is not one of table, json; closest: json", "members", "csto", "--format", "jsn")]
    [InlineData("--role: 'god' is not one of reader, editor, admin", "user", "add", "bob", "--role", "god")]
    [InlineData("`plenary status` needs ORG: usage: plenary status STATE ORG [options]", "status", "ARM")]
    [InlineData("unknown command 'stauts' for `plenary`; closest: status", "stauts", "ARM", "csto")]
    [InlineData("`plenary export` needs --out: usage: plenary export TABLE [options]", "export", "state-year")]
    [InlineData("--from: 'x' is not a whole number", "export", "state-year", "--from", "x", "--out", "never.csv")]
    public void A_parser_mistake_is_one_line_with_the_closest_and_exit_2(string expected, params string[] args)
    {
        var before = File.GetLastWriteTimeUtc(registry.Db);
        Assert.Contains(expected, OneLine(registry.Run(args)));
        Assert.Equal(before, File.GetLastWriteTimeUtc(registry.Db));
        Assert.False(File.Exists("never.csv"));
    }

    [Fact]
    public void On_a_year_is_the_year_with_part_of_the_year_where_the_standing_changed()
    {
        var whole = registry.Run("status", "ARM", "csto", "--on", "2016");
        Assert.Equal(0, whole.ExitCode);
        Assert.StartsWith("Armenia in the Collective Security Treaty Organization during 2016: member, the whole year", whole.Out);

        var changed = registry.Run("status", "ARM", "csto", "--on", "2024");
        Assert.Equal(0, changed.ExitCode);
        var lines = changed.Out.Split('\n');
        Assert.Equal("Armenia in the Collective Security Treaty Organization during 2024: changed during the year", lines[0]);
        Assert.StartsWith("  member, part of the year", lines[1]);
        Assert.StartsWith("  participation-frozen, part of the year (from 2024-02)", lines[2]);

        var members = registry.Run("members", "csto", "--on", "2024");
        Assert.Equal(0, members.ExitCode);
        Assert.Contains("Members of the Collective Security Treaty Organization during 2024", members.Out);
        Assert.Contains("part of the year (from 2024-02)", members.Out);
        Assert.Contains("the whole year (since", members.Out);

        var json = registry.Run("status", "ARM", "csto", "--on", "2024", "--format", "json").Json;
        Assert.Equal("2024", json.GetProperty("during").GetString());
        Assert.Equal(2, json.GetProperty("parts").GetArrayLength());
        Assert.False(json.GetProperty("parts")[0].GetProperty("whole").GetBoolean());
    }

    [Fact]
    public void Show_and_orgs_take_a_year_or_a_month_as_status_and_members_do()
    {
        var state = registry.Run("show", "ARM", "--on", "2024");
        Assert.Equal(0, state.ExitCode);
        Assert.Contains("Standings during 2024", state.Out);
        Assert.Matches(@"csto .*│ member .*│ part of the year \(since 2002-10-07 until 2024-02\)", state.Out);
        Assert.Matches(@"csto .*│ participation-frozen .*│ part of the year \(from 2024-02\)", state.Out);
        Assert.Matches(@"eaeu .*│ member .*│ the whole year \(since", state.Out);

        var month = registry.Run("show", "ARM", "--on", "2024-03");
        Assert.Equal(0, month.ExitCode);
        Assert.Matches(@"csto .*│ participation-frozen .*│ the whole month \(since 2024-02\)", month.Out);

        var org = registry.Run("show", "csto", "--on", "2024");
        Assert.Equal(0, org.ExitCode);
        Assert.Contains("Members during 2024", org.Out);
        Assert.Matches(@"ARM .*│ participation-frozen .*│ part of the year \(from 2024-02\)", org.Out);
        Assert.Contains("Chairs", org.Out);

        var orgs = registry.Run("orgs", "--state", "ARM", "--on", "2024");
        Assert.Equal(0, orgs.ExitCode);
        Assert.Contains("Organizations Armenia belonged to during 2024", orgs.Out);
        Assert.Matches(@"csto .*│ participation-frozen .*│ part of the year \(from 2024-02\)", orgs.Out);

        var json = registry.Run("orgs", "--state", "ARM", "--on", "2024", "--format", "json").Json;
        Assert.Equal("2024", json.GetProperty("during").GetString());
        var csto = json.GetProperty("standings").EnumerateArray().Where(p => p.GetProperty("org").GetString() == "csto").ToList();
        Assert.Equal(["member", "participation-frozen"], csto.Select(p => p.GetProperty("standing").GetString()));
        Assert.All(csto, p => Assert.False(p.GetProperty("whole").GetBoolean()));
        Assert.Equal("2024", registry.Run("show", "csto", "--on", "2024", "--format", "json").Json.GetProperty("members").GetProperty("during").GetString());

        // A day is still a day.
        Assert.Contains("Standings on 2024-11-28", registry.Run("show", "ARM", "--on", "2024-11-28").Out);
    }

    [Fact]
    public void Date_messages_say_the_same_shapes_everywhere()
    {
        Assert.Contains("--on: 'yesterday' is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD", OneLine(registry.Run("status", "ARM", "csto", "--on", "yesterday")));
        Assert.Contains("--known-at: 'soon' is not a time: expected YYYY, YYYY-MM, YYYY-MM-DD or an ISO 8601 date and time",
            OneLine(registry.Run("status", "ARM", "csto", "--known-at", "soon")));
        Assert.Contains("--from: '2016' is a year, and this question is about one day: expected YYYY-MM-DD", OneLine(registry.Run("attendance", "csto", "--from", "2016")));
        Assert.Contains("--on: '2016-13' is not a date", OneLine(registry.Run("show", "ARM", "--on", "2016-13")));
    }

    // Item 2: --db mistakes create nothing; only `init` (or the default place) creates a registry.
    [Fact]
    public void A_mistyped_db_creates_nothing_and_says_how_to_create_one()
    {
        var typo = Path.Combine(registry.Folder, "registy.db");
        Assert.Contains($"no registry at {typo}; create one there with `plenary init --db {typo}`", OneLine(Plenary.Run("status", "ARM", "csto", "--db", typo)));
        Assert.False(File.Exists(typo));
        var env = new Dictionary<string, string> { ["PLENARY_DB"] = typo };
        Assert.Contains("no registry at", OneLine(Plenary.Run(env, "serve")));
        Assert.Contains("no registry at", OneLine(Plenary.Run(env, "user", "list")));
        Assert.False(File.Exists(typo));
    }

    [Fact]
    public void A_folder_or_a_bad_server_address_is_one_line_and_makes_no_folder()
    {
        Assert.Contains($"--db: {registry.Folder} is a folder; expected a registry file, such as {Path.Combine(registry.Folder, "registry.db")}",
            OneLine(Plenary.Run("status", "ARM", "csto", "--db", registry.Folder)));
        var cwd = Directory.GetCurrentDirectory();
        Assert.Contains("--db: 'postgres:/db.example/plenary' is not a PostgreSQL address", OneLine(Plenary.Run("init", "--db", "postgres:/db.example/plenary")));
        // A server address that answers nothing: one line, and no folder named after it.
        var down = Plenary.Run("status", "ARM", "csto", "--db", "postgresql://nobody@127.0.0.1:1/plenary");
        Assert.Equal(2, down.ExitCode);
        Assert.Single(down.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(Directory.Exists(Path.Combine(cwd, "postgresql:")));
        Assert.False(Directory.Exists(Path.Combine(cwd, "postgres:")));
    }

    [Fact]
    public void The_default_registry_is_created_on_first_use_and_says_where()
    {
        var home = Directory.CreateTempSubdirectory("plenary-home-").FullName;
        try
        {
            var env = new Dictionary<string, string> { ["HOME"] = home, ["XDG_DATA_HOME"] = Path.Combine(home, "data") };
            var r = Plenary.Run(env, "status", "ARM", "csto", "--on", "2024-11-28");
            Assert.Equal(0, r.ExitCode);
            Assert.Equal($"plenary: created a new registry at {Path.Combine(home, "data", "plenary", "registry.db")}", r.Err.Trim());
            Assert.Equal("", Plenary.Run(env, "status", "ARM", "csto").Err);
        }
        finally { Directory.Delete(home, true); }
    }

    // Item 3: serve says where to go and what the registry holds; a caller's 400/404 is no "unhandled exception".
    [Fact]
    public async Task Serve_says_where_and_what_and_logs_no_trace_for_a_callers_mistake()
    {
        var psi = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "plenary.dll"), "serve", "--urls", "http://127.0.0.1:0", "--db", registry.Db }) psi.ArgumentList.Add(a);
        psi.Environment.Remove("PLENARY_DB");
        using var p = System.Diagnostics.Process.Start(psi)!;
        var output = new System.Text.StringBuilder();
        p.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        p.BeginOutputReadLine();
        try
        {
            var first = await p.StandardError.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(90));
            Assert.NotNull(first);
            var m = System.Text.RegularExpressions.Regex.Match(first!,
                @"^plenary: serving .+registry\.db \((\d+) organizations, (\d+) states, (\d+) claims\) at (http://127\.0\.0\.1:\d+)");
            Assert.True(m.Success, first);
            Assert.True(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > 0);
            Assert.True(int.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture) > 0);
            using var http = new HttpClient { BaseAddress = new Uri(m.Groups[4].Value) };
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await http.GetAsync("/api/v1/status?state=Armenai&org=csto")).StatusCode);
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync("/api/v1/meetings/no-such-meeting")).StatusCode);
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync("/states/XXX")).StatusCode);
        }
        finally
        {
            p.Kill(true);
            await p.WaitForExitAsync();
        }
        var rest = await p.StandardError.ReadToEndAsync();
        string all;
        lock (output) all = output + rest;
        Assert.DoesNotContain("unhandled exception", all, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", all);
    }

    // Item 4: the CLI's answers name things, say what they could not do, and take a .txt article's title.
    [Fact]
    public void Show_person_lists_their_statements()
    {
        var r = registry.Run("show", "Ushakov");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Statements", r.Out);
        Assert.Contains("Yuri Ushakov (Russian presidential adviser), 2024-11-26: “", r.Out);
        var json = registry.Run("show", "Ushakov", "--format", "json").Json;
        Assert.True(json.GetProperty("statements").GetArrayLength() >= 1);
    }

    [Fact]
    public void Ingest_of_a_txt_takes_its_title_warns_once_when_undated_and_review_names_states_and_organizations()
    {
        using var own = new ShippedRegistry();
        var file = Path.Combine(own.Folder, "bf.txt");
        File.WriteAllText(file, "Sahel states leave the bloc\n\nBurkina Faso withdrew from ECOWAS on 29 January 2025, the bloc said. Mali also withdrew from ECOWAS on Monday.\n");
        var ingest = own.Run("ingest", file);
        Assert.Equal(0, ingest.ExitCode);
        Assert.Equal("plenary: the article has no publication date (give --published YYYY-MM-DD): relative dates such as \"on Monday\" stay unresolved", ingest.Err.Trim());
        var review = own.Run("review");
        Assert.Contains("Burkina Faso: withdrew from the ECOWAS", review.Out);
        Assert.Contains("Sahel states leave the bloc", review.Out);

        var titled = Path.Combine(own.Folder, "titled.txt");
        File.WriteAllText(titled, "Mali withdrew from ECOWAS, the bloc said.\n");
        Assert.Equal(0, own.Run("ingest", titled, "--title", "Mali leaves", "--published", "2025-01-30").ExitCode);
        Assert.Equal("Mali leaves", own.Run("review", "--format", "json").Json.GetProperty("claims").EnumerateArray()
            .Single(c => c.GetProperty("source").GetProperty("id").GetString() == "titled").GetProperty("source").GetProperty("title").GetString());

        var read = Plenary.Run("read", file, "--db", own.Db);
        Assert.Single(read.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("no publication date", read.Err);
    }

    [Fact]
    public void Read_says_apart_an_undated_article_its_own_text_dates()
    {
        using var own = new ShippedRegistry();
        var file = Path.Combine(own.Folder, "dated-by-url.json");
        File.WriteAllText(file, """{"id": "u1", "url": "https://news.example.org/2025/03/04/bloc", "published": null, "text": "Burkina Faso withdrew from ECOWAS on Monday, the bloc said."}""");
        var read = Plenary.Run("read", file, "--db", own.Db, "--format", "text");
        Assert.Equal(0, read.ExitCode);
        var line = Assert.Single(read.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("plenary: 1 of 1 article carries no publication date but its own text dates it", line);
        Assert.Contains("2025-03-04 estimated", read.Out);
    }

    [Fact]
    public void An_export_of_no_rows_says_why()
    {
        var output = Path.Combine(registry.Folder, "wide.csv");
        var r = registry.Run("export", "state-year", "--out", output);
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("0 rows", r.Out);
        Assert.Contains("plenary: no rows: COW's layouts (wide, dyad-year) list COW's states, and this registry holds no imported COW data", r.Err);
    }

    [Fact]
    public void The_long_layout_fills_ccode_from_the_registry()
    {
        var output = Path.Combine(registry.Folder, "long.csv");
        Assert.Equal(0, registry.Run("export", "state-year", "--layout", "long", "--from", "2024", "--to", "2024", "--out", output).ExitCode);
        var armenia = File.ReadLines(output).First(l => l.Contains("\"ARM\"", StringComparison.Ordinal) && l.Contains("\"csto\"", StringComparison.Ordinal));
        Assert.StartsWith("371,", armenia);
    }
}
