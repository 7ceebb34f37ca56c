using System.Text.RegularExpressions;
using Plenary.Core.Time;

namespace Plenary.Reader.Time;

/// <summary>
/// The date of an article that carries none (the "document creation time" of TimeML/HeidelTime), from its own words,
/// tried in this order:
/// <list type="number">
/// <item>a date in its URL ("/2014-09-27/", "/2014/09/27/");</item>
/// <item>"today, December 25";</item>
/// <item>a dateline ("CITY, Jan 1 (Agency):", "CITY, January 19. /TASS/.", "CITY, 19 January –");</item>
/// <item>the day the lead's reporting verb is dated by ("said on May 8"), or a day the lead names with its weekday ("on Wednesday, January 29, 2025 exited");</item>
/// <item>a day named with its weekday anywhere, not in a future clause ("opens on Thursday, March 14");</item>
/// <item>the lead's weekday ("announced on Saturday") counted from a day the text dates without a year ("On Jan. 18 … held")
/// whose year is fixed by another weekday of the text (not the lead's own) falling on it ("held … on Thursday").</item>
/// </list>
/// A missing year is the latest year the text names outside future clauses and "since"/"by"/"until" phrases (the year
/// after it when a weekday given with the day says so; the year before when the latest would put the report after a day
/// the text speaks of as future), never before the latest past date the text gives with its year. When these disagree
/// there is no estimate: no day is invented. Only a day named with its weekday in a text that names no year at all takes
/// the latest year, up to the day of reading, in which it falls on that weekday. Never used when the article gives its date.
/// </summary>
public sealed partial class TimeTagger
{
    /// <summary>The lead: the first sentences (a headline counts as one).</summary>
    private const int LeadSentences = 3;

    /// <summary>The years and past dates the text states explicitly: the evidence a missing year is taken from.</summary>
    private readonly record struct YearEvidence(int? Latest, string? LatestWords, DateOnly? LatestPast, DateOnly? EarliestFuture);

    private DateEstimate? Estimate(Document doc, List<TimeExpression> times)
    {
        if (FromUrl(doc.Article.Url) is { } fromUrl) return fromUrl;
        var years = Years(doc, times);
        return Today(doc, years) ?? FromDateline(doc, times, years) ?? FromLead(doc, times, years)
            ?? DayWithWeekday(doc, years) ?? FromCoincidingWeekday(doc, times, years);
    }

    [GeneratedRegex(@"(?<![0-9])((?:19|20)[0-9]{2})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12][0-9]|3[01])(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex UrlDate();

    private static DateEstimate? FromUrl(string? url)
    {
        if (url is null || UrlDate().Match(url) is not { Success: true } m) return null;
        int y = int.Parse(m.Groups[1].ValueSpan), mo = int.Parse(m.Groups[2].ValueSpan), d = int.Parse(m.Groups[3].ValueSpan);
        return d <= DateTime.DaysInMonth(y, mo) ? new DateEstimate(new DateOnly(y, mo, d), "url", 0, 0) : null;
    }

    private YearEvidence Years(Document doc, List<TimeExpression> times)
    {
        int? latest = null;
        string? words = null;
        DateOnly? latestPast = null, earliestFuture = null;
        foreach (var t in times)
        {
            if (t.Relative || t.Value is not { } v) continue;
            var before = t.First > 0 ? doc.Lower[t.First - 1] : "";
            if (Tense(doc, t.First) == true)
            {
                // "will join on January 1, 2025", "will be members as of …": the report comes before that day (a date in a
                // future clause may still name a past event: "will not sign the November 23, 2023, decision")
                if (v.Precision == DatePrecision.Day && before is "on" or "of" or "from" && (earliestFuture is null || v.Start < earliestFuture)) earliestFuture = v.Start;
                continue;
            }
            // "by 2030", "until 2026", "2024–2030": a deadline or the end of a span, not a time the report stands in;
            // "effective from", "as of": the start of a validity, which may lie after the report
            if (before is "by" or "until" or "till" or "through" or "to" or "before" or "-" or "–" or "from"
                || (before == "of" && t.First > 1 && doc.Lower[t.First - 2] == "as")) continue;
            if (v.Precision != DatePrecision.Year && (latestPast is null || v.Start > latestPast)) latestPast = v.Start;
            // "a member since 2007": the start of a span that reaches the report, which may be years later
            if (before == "since") continue;
            if (latest is null || v.Year > latest) { latest = v.Year; words = $"“{doc.Text[t.Start..t.EndChar]}”"; }
        }
        return new YearEvidence(latest, words, latestPast, earliestFuture);
    }

    /// <summary>
    /// The year of a month/day the text gives without one: the latest year it names, or the year after when the day's
    /// weekday says so; not before the latest past date it gives. With <paramref name="hard"/>, the weekday must fit.
    /// </summary>
    private static int? YearOf(int month, int day, DayOfWeek? weekday, bool hard, YearEvidence years)
    {
        if (years.Latest is not int y0) return weekday is { } only && hard ? LatestYearOfWeekday(only, month, day) : null;
        bool Ok(int y) => Fits(y, month, day, years);
        if (weekday is { } wd)
        {
            for (int y = y0 - 1; y <= y0 + 1; y++)
                if (Ok(y) && new DateOnly(y, month, day).DayOfWeek == wd && (y >= y0 || !Ok(y0))) return y;
            if (hard) return null;
        }
        // the latest year named, or the one before when that would put the report after a date it speaks of as future
        return Ok(y0) ? y0 : Ok(y0 - 1) ? y0 - 1 : null;
    }

    /// <summary>True when month/day of year <paramref name="y"/> exists and lies after the past dates and before the future ones the text gives.</summary>
    private static bool Fits(int y, int month, int day, YearEvidence years)
    {
        if (y is < 1 or > 9998 || day > DateTime.DaysInMonth(y, month)) return false;
        var d = new DateOnly(y, month, day);
        return (years.LatestPast is not { } lp || d >= lp) && (years.EarliestFuture is not { } ef || d < ef);
    }

    /// <summary>
    /// For a text that names no year at all, the latest year up to the day of reading (and twelve back at most) in
    /// which month/day falls on the weekday the text gives with it: the one estimate that depends on the clock, since
    /// nothing in such a text tells one year from the next.
    /// </summary>
    private static int? LatestYearOfWeekday(DayOfWeek wd, int month, int day)
    {
        var reading = DateOnly.FromDateTime(DateTime.UtcNow);
        for (int y = reading.Year; y >= reading.Year - 12; y--)
            if (day <= DateTime.DaysInMonth(y, month) && new DateOnly(y, month, day) is var d && d.DayOfWeek == wd && d <= reading) return y;
        return null;
    }

    private static DateEstimate? Dated(Document doc, string rule, int first, int end, int month, int day, int? year, YearEvidence years, bool weekday)
    {
        if (year is not int y || y is < 1 or > 9998 || day > DateTime.DaysInMonth(y, month)) return null;
        string? from = null;
        if (!TextNamesYear(doc, first, end))
            from = years.LatestWords is null ? "the weekday (the text names no year: the latest such year up to the day of reading)"
                : weekday ? $"{years.LatestWords} and the weekday" : years.LatestWords;
        return new DateEstimate(new DateOnly(y, month, day), rule, doc.Tokens[first].Start, doc.Tokens[end - 1].End, from);
    }

    private static bool TextNamesYear(Document doc, int first, int end)
    {
        for (int k = first; k < end; k++) if (YearAt(doc, k) is not null) return true;
        return false;
    }

    /// <summary>"December 25", "Tuesday, July 11, 2023", "19 January" as one time expression: its month, day, year and weekday.</summary>
    private static (int Month, int Day, int? Year, DayOfWeek? Weekday)? MonthDay(Document doc, TimeExpression t)
    {
        int i = t.First;
        DayOfWeek? wd = null;
        if (TryWeekday(doc.Lower[i], out var w)) { wd = w; i++; }
        if (DayAfter(doc, i) is not { } d || d.End > t.End) return null;
        return (d.Month, d.Day, d.Year, wd);
    }

    /// <summary>A weekday standing alone ("on Monday", not "Monday, May 5"), capitalized, not in a future clause.</summary>
    private DayOfWeek? PastWeekday(Document doc, int i) =>
        TryWeekday(doc.Lower[i], out var wd) && doc.IsCapitalized(i) && DayAfter(doc, i + 1) is null && Tense(doc, i) != true ? wd : null;

    private DateEstimate? Today(Document doc, YearEvidence years)
    {
        for (int i = 0; i < doc.Tokens.Count; i++)
            if (doc.Lower[i] == "today" && DayAfter(doc, i + 1) is { } d)
            {
                // "On Monday, December 23, … begins today, December 25": a day named with its weekday gives the year
                int? year = d.Year ?? YearOf(d.Month, d.Day, null, false, years) ?? DayWithWeekday(doc, years)?.Day.Year;
                return Dated(doc, "“today” with its day", i, d.End, d.Month, d.Day, year, years, false);
            }
        return null;
    }

    /// <summary>
    /// The day of the lead's reported event: the first day-precision time of the first sentences in a past clause
    /// ("closed on Sunday", "said Thursday"), not a dateline, falling in the week up to publication. Null otherwise.
    /// </summary>
    private DateOnly? ReportDay(Document doc, List<TimeExpression> times)
    {
        if (doc.Published is not { } pub) return null;
        foreach (var t in times)
        {
            if (doc.SentenceOf[t.First] >= LeadSentences + 1) break;
            if (t.Value is not { Precision: DatePrecision.Day } v || IsDateline(doc, t)) continue;
            var day = v.Start;
            if (day > pub || day < pub.AddDays(-6)) continue;
            if (Tense(doc, t.First) == false || AfterVerbOfSpeech(doc, t.First) || PastVerbAfter(doc, t.End)) return day;
        }
        return null;
    }

    private bool AfterVerbOfSpeech(Document doc, int first)
    {
        int b = first - 1;
        if (b >= 0 && doc.Lower[b] == "on") b--;
        return b >= 0 && lexicons.SpeechVerbs.Contains(doc.Lower[b]);
    }

    /// <summary>"Ruritania's president on Friday took over …": a verb in the past right after the time.</summary>
    private bool PastVerbAfter(Document doc, int end) =>
        end < doc.Tokens.Count && (lexicons.PastVerbs.Contains(doc.Lower[end])
            || (doc.Lower[end].Length > 4 && doc.Lower[end].EndsWith("ed", StringComparison.Ordinal)));

    /// <summary>"CITY, Jan 1 (Agency):", "CITY, January 19. /TASS/.", "CITY, 19 January –": a line that opens with a place, a comma and a day; the place's first token, or -1.</summary>
    private static int DatelineStart(Document doc, TimeExpression t)
    {
        if (t.First < 2 || doc.Lower[t.First - 1] != ",") return -1;
        int j = t.First - 2;
        while (j > 0 && t.First - j < 6 && !doc.Tokens[j].NewlineBefore && (doc.IsCapitalized(j - 1) || doc.Lower[j - 1] is "-" or ".")) j--;
        if (!(j == 0 || doc.Tokens[j].NewlineBefore)) return -1;
        for (int k = j; k < t.First - 1; k++)
            if (!(doc.IsCapitalized(k) || doc.Lower[k] is "-" or ".")) return -1;
        if (t.End < doc.Tokens.Count && !doc.Tokens[t.End].NewlineBefore && doc.Lower[t.End] is not ("(" or "/" or "—" or "–" or "-" or "--" or ":" or ".")) return -1;
        return j;
    }

    private static bool IsDateline(Document doc, TimeExpression t) => DatelineStart(doc, t) >= 0;

    /// <summary>"CITY, Jan 1 (Agency):", "CITY, January 19. /TASS/.", "CITY, 19 January –": a line that opens with a place, a comma and a day.</summary>
    private DateEstimate? FromDateline(Document doc, List<TimeExpression> times, YearEvidence years)
    {
        foreach (var t in times)
        {
            if (doc.SentenceOf[t.First] > LeadSentences) break;
            if (MonthDay(doc, t) is not { } md || DatelineStart(doc, t) is not (>= 0 and var j)) continue;
            // "BEIJING, Jan 1 (APP): … took effect on Monday": a weekday of the lead picks the year the day falls on it
            DayOfWeek? hint = null;
            int s0 = doc.SentenceOf[t.First];
            for (int k = t.End; k < doc.Tokens.Count && doc.SentenceOf[k] <= s0 + 1 && hint is null; k++) hint = PastWeekday(doc, k);
            int? year = md.Year ?? YearOf(md.Month, md.Day, md.Weekday ?? hint, md.Weekday is not null, years);
            return Dated(doc, "dateline", j, t.End, md.Month, md.Day, year, years, (md.Weekday ?? hint) is not null && md.Year is null);
        }
        return null;
    }

    /// <summary>"Ruritania said on March 3 that …", "… on Monday, June 2, 2025 formally left …": the lead's own event, dated.</summary>
    private DateEstimate? FromLead(Document doc, List<TimeExpression> times, YearEvidence years)
    {
        foreach (var t in times)
        {
            if (doc.SentenceOf[t.First] >= LeadSentences) break;
            if (MonthDay(doc, t) is not { } md) continue;
            int b = t.First - 1;
            bool on = b >= 0 && doc.Lower[b] == "on";
            if (on) b--;
            bool speech = b >= 0 && lexicons.SpeechVerbs.Contains(doc.Lower[b]);
            if (!on && !speech) continue;
            // "said on May 8", "on Wednesday, January 29, 2025 exited": a reporting verb, or the day named with its
            // weekday as news name the day of their event; a bare past date in the lead may be an earlier event's
            if (!speech && (md.Weekday is null || Tense(doc, t.First) != false)) continue;
            // a date with its year is the lead's own only when no later year is named: else it is background
            if (md.Year is int y && years.Latest is int latest && y < latest) continue;
            int? year = md.Year ?? YearOf(md.Month, md.Day, md.Weekday, md.Weekday is not null, years);
            return Dated(doc, "the lead's dated event", t.First, t.End, md.Month, md.Day, year, years, md.Weekday is not null);
        }
        return null;
    }

    /// <summary>"opens on Thursday, March 14": a day named with its weekday, not in a future clause; the weekday fixes the year.</summary>
    private DateEstimate? DayWithWeekday(Document doc, YearEvidence years)
    {
        for (int i = 0; i < doc.Tokens.Count; i++)
        {
            if (!TryWeekday(doc.Lower[i], out var wd) || !doc.IsCapitalized(i) || IsFuture(doc, i)) continue;
            if (DayAfter(doc, i + 1) is not { } d) continue;
            int? year = d.Year ?? YearOf(d.Month, d.Day, wd, true, years);
            if (year is int y && SafeDay(y, d.Month, d.Day) is not null && new DateOnly(y, d.Month, d.Day).DayOfWeek == wd)
                return Dated(doc, "a day named with its weekday", i, d.End, d.Month, d.Day, y, years, d.Year is null);
        }
        return null;
    }

    /// <summary>
    /// "… announced on Saturday … the summit held on Thursday … On Jan. 18, the summit …": a day the text dates without a
    /// year, in the one year (the latest named or the next) where it falls on a weekday the text also names, anchors
    /// the lead's weekday, taken as the first such weekday on or after it.
    /// </summary>
    private DateEstimate? FromCoincidingWeekday(Document doc, List<TimeExpression> times, YearEvidence years)
    {
        if (years.Latest is not int y0) return null;
        int leadWeekday = -1;
        var named = new HashSet<DayOfWeek>();
        for (int i = 0; i < doc.Tokens.Count; i++)
            if (PastWeekday(doc, i) is { } wd)
            {
                // the weekday that fixes the year is another mention than the lead's own
                if (leadWeekday < 0 && doc.SentenceOf[i] < LeadSentences) leadWeekday = i;
                else named.Add(wd);
            }
        if (leadWeekday < 0) return null;
        DateOnly? anchor = null;
        foreach (var t in times)
        {
            if (MonthDay(doc, t) is not { Year: null, Weekday: null } md || Tense(doc, t.First) == true) continue;
            DateOnly? only = null;
            int fits = 0;
            for (int y = y0; y <= y0 + 1; y++)
            {
                if (Fit(y) is not { } dd || !named.Contains(dd.DayOfWeek)) continue;
                fits++;
                only = dd;
            }
            if (fits == 1 && (anchor is null || only > anchor)) anchor = only;

            DateOnly? Fit(int y) => Fits(y, md.Month, md.Day, years) ? new DateOnly(y, md.Month, md.Day) : null;
        }
        if (anchor is not { } a) return null;
        if (!TryWeekday(doc.Lower[leadWeekday], out var lead)) return null;
        var dayOf = a.AddDays(((int)lead - (int)a.DayOfWeek + 7) % 7);
        return new DateEstimate(dayOf, $"the lead's weekday counted from {a:yyyy-MM-dd}, a day the text dates on a weekday it names", doc.Tokens[leadWeekday].Start, doc.Tokens[leadWeekday].End, years.LatestWords);
    }
}
