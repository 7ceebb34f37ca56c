using Plenary.Core.Time;
using Plenary.Reader.Tokens;

namespace Plenary.Reader.Time;

/// <summary>
/// Time expressions, resolved against the publication date and the tense around them: "announced on Monday" → the Monday
/// on or before publication, "set for Thursday" → the Thursday on or after it; "next month", "earlier this year",
/// "last week", "five years ago", "last August"; explicit dates ("Dec. 10, 2023", "24 August 2023", "November 23",
/// "December 1993", "in 2009") at the precision the text gives.
/// </summary>
public sealed partial class TimeTagger(Lexicons lexicons)
{
    private static readonly Dictionary<string, int> Months = new(StringComparer.Ordinal)
    {
        ["january"] = 1, ["jan."] = 1, ["february"] = 2, ["feb."] = 2, ["march"] = 3, ["mar."] = 3, ["april"] = 4, ["apr."] = 4,
        ["may"] = 5, ["june"] = 6, ["jun."] = 6, ["july"] = 7, ["jul."] = 7, ["august"] = 8, ["aug."] = 8, ["september"] = 9,
        ["sept."] = 9, ["sep."] = 9, ["october"] = 10, ["oct."] = 10, ["november"] = 11, ["nov."] = 11, ["december"] = 12, ["dec."] = 12,
    };

    /// <summary>Month abbreviations without their period ("Jan 1 (Agency):"), taken only capitalized and before a day.</summary>
    private static readonly Dictionary<string, int> BareMonths = new(StringComparer.Ordinal)
    {
        ["jan"] = 1, ["feb"] = 2, ["apr"] = 4, ["jun"] = 6, ["jul"] = 7, ["aug"] = 8, ["sep"] = 9, ["sept"] = 9, ["oct"] = 10, ["nov"] = 11, ["dec"] = 12,
    };

    /// <summary>The month a word at <paramref name="i"/> names: "May" and "March" only capitalized, a bare abbreviation only before a day.</summary>
    private static int? MonthWord(Document doc, int i)
    {
        var w = doc.Lower[i];
        if (Months.TryGetValue(w, out int m)) return w is "may" or "march" && !doc.IsCapitalized(i) ? null : m;
        return BareMonths.TryGetValue(w, out m) && doc.IsCapitalized(i) && DayNumber(doc, i + 1) is not null ? m : null;
    }

    /// <summary>
    /// The weekday a lower-case word names. Asked of every token, so a test of length and last letters first, not a
    /// dictionary lookup (which hashes the word, and whose generic code over an enum is compiled only at run time).
    /// </summary>
    private static bool TryWeekday(string w, out DayOfWeek day)
    {
        day = default;
        if (w.Length < 6 || w[^1] != 'y' || w[^2] != 'a' || w[^3] != 'd') return false;
        DayOfWeek? d = w switch
        {
            "monday" => DayOfWeek.Monday, "tuesday" => DayOfWeek.Tuesday, "wednesday" => DayOfWeek.Wednesday, "thursday" => DayOfWeek.Thursday,
            "friday" => DayOfWeek.Friday, "saturday" => DayOfWeek.Saturday, "sunday" => DayOfWeek.Sunday,
            _ => null,
        };
        day = d.GetValueOrDefault();
        return d is not null;
    }

    private static readonly Dictionary<string, int> SmallNumbers = new(StringComparer.Ordinal)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9,
        ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["fifteen"] = 15, ["twenty"] = 20, ["a"] = 1,
    };

    public void Run(Document doc)
    {
        var list = Tag(doc, doc.Published);
        if (doc.Article.Published is null)
        {
            // no date given: estimate it from the text's own explicit dates, then resolve the relative ones against it
            doc.DateEstimate = Estimate(doc, list);
            if (doc.Published is not null) list = ResolveAgainst(doc, list, doc.Published);
        }
        doc.Times = list;
        doc.ReportDay = ReportDay(doc, list);
        var inTime = new bool[doc.Tokens.Count];
        foreach (var t in list)
        {
            for (int k = t.First; k < t.End; k++) inTime[k] = true;
            if (t.First > 0 && doc.Lower[t.First - 1] == "on") inTime[t.First - 1] = true;
        }
        doc.InTime = inTime;
    }

    /// <summary>The time expressions of the text, relative ones resolved against <paramref name="pub"/>.</summary>
    private List<TimeExpression> Tag(Document doc, DateOnly? pub)
    {
        var list = new List<TimeExpression>();
        // the last month or day the text gave with its year, and its sentence: the narrative's reference time
        (EdtfDate Value, int Sentence)? narrative = null;
        for (int i = 0; i < doc.Tokens.Count; i++)
        {
            if (At(doc, i, pub, narrative) is not { } found) continue;
            if (!found.Relative && found.Value is { Precision: not DatePrecision.Year } dated) narrative = (dated, doc.SentenceOf[i]);
            list.Add(found);
            i = found.End - 1;
        }
        return list;
    }

    /// <summary>
    /// The same expressions with the relative ones resolved anew against <paramref name="pub"/> (their spans do not depend
    /// on it): the second look an undated article needs once its date is estimated, without tagging the text again.
    /// </summary>
    private List<TimeExpression> ResolveAgainst(Document doc, List<TimeExpression> list, DateOnly? pub)
    {
        var result = new List<TimeExpression>(list.Count);
        (EdtfDate Value, int Sentence)? narrative = null;
        foreach (var t in list)
        {
            var found = t;
            if (t.Relative)
            {
                // "last August" was found at its month
                int i = t.First + 1 < t.End && doc.Lower[t.First] is "last" or "next" && MonthWord(doc, t.First + 1) is not null ? t.First + 1 : t.First;
                found = At(doc, i, pub, narrative) ?? t;
            }
            if (!found.Relative && found.Value is { Precision: not DatePrecision.Year } dated) narrative = (dated, doc.SentenceOf[found.First]);
            result.Add(found);
        }
        return result;
    }

    /// <summary>The time expression found at token <paramref name="i"/>, or null.</summary>
    private TimeExpression? At(Document doc, int i, DateOnly? pub, (EdtfDate Value, int Sentence)? narrative)
    {
        var w = doc.Lower[i];
        TimeExpression? found = null;
        if (MonthWord(doc, i) is int month)
            found = MonthExpression(doc, i, month, pub, narrative);
        else if (doc.Tokens[i].Kind == TokenKind.Number && DayNumber(doc, i) is int day && i + 1 < doc.Tokens.Count
                 && Months.TryGetValue(doc.Lower[i + 1], out int m2))
        {
            // 24 August 2023, 1 January 2024, 25 October 2019
            int end = i + 2;
            int? year = YearAt(doc, end);
            if (year is not null) end++;
            found = Make(doc, i, end, Resolve(doc, i, pub, year, m2, day), year is null);
        }
        else if (YearAt(doc, i) is int y && !IsPartOfNumber(doc, i))
            found = Make(doc, i, i + 1, EdtfDate.OfYear(y), false);
        else if (TryWeekday(w, out var wd) && doc.IsCapitalized(i) && DayAfter(doc, i + 1) is { } named)
        {
            // "Thursday, December 5, 2024", "Tuesday, July 11": the day the text names, the weekday with it
            found = Make(doc, i, named.End, Resolve(doc, named.MonthAt, pub, named.Year, named.Month, named.Day), named.Year is null);
        }
        else if (TryWeekday(w, out wd) && doc.IsCapitalized(i))
        {
            EdtfDate? v = null;
            bool future = IsFuture(doc, i);
            if (pub is { } p)
            {
                int delta = future ? ((int)wd - (int)p.DayOfWeek + 7) % 7 : -(((int)p.DayOfWeek - (int)wd + 7) % 7);
                v = EdtfDate.Of(p.AddDays(delta));
            }
            found = new TimeExpression(i, i + 1, doc.Tokens[i].Start, doc.Tokens[i].End, v, true, future);
        }
        else if (w is "today" or "yesterday" or "tomorrow" or "tonight")
        {
            int delta = w == "yesterday" ? -1 : w == "tomorrow" ? 1 : 0;
            found = Make(doc, i, i + 1, pub is { } p ? EdtfDate.Of(p.AddDays(delta)) : null, true);
        }
        else if (w is "this" or "last" or "next" or "earlier" or "later" && i + 1 < doc.Tokens.Count)
            found = RelativePeriod(doc, i, pub);
        else if ((SmallNumbers.ContainsKey(w) || doc.Tokens[i].Kind == TokenKind.Number) && i + 2 < doc.Tokens.Count
                 && doc.Lower[i + 1] is "years" or "year" && doc.Lower[i + 2] == "ago")
        {
            int n = SmallNumbers.TryGetValue(w, out var sn) ? sn : int.TryParse(w, out var k) ? k : 0;
            if (n is > 0 and < 200)
                found = Make(doc, i, i + 3, pub is { } p && p.Year - n >= 1 ? EdtfDate.OfYear(p.Year - n) : null, true);
        }
        return found;
    }

    /// <summary>"December 25", ", July 11, 2023", "11 July" at token <paramref name="i"/> (a comma may come first).</summary>
    private static (int Month, int Day, int? Year, int MonthAt, int End)? DayAfter(Document doc, int i)
    {
        if (i < doc.Tokens.Count && doc.Lower[i] == ",") i++;
        if (i + 1 >= doc.Tokens.Count) return null;
        if (MonthWord(doc, i) is int m && DayNumber(doc, i + 1) is int d)
        {
            int k = i + 2;
            if (k + 1 < doc.Tokens.Count && doc.Lower[k] == "," && YearAt(doc, k + 1) is int y) return (m, d, y, i, k + 2);
            return YearAt(doc, k) is int y2 ? (m, d, y2, i, k + 1) : (m, d, null, i, k);
        }
        if (DayNumber(doc, i) is int d2 && Months.TryGetValue(doc.Lower[i + 1], out int m2))
            return YearAt(doc, i + 2) is int y3 ? (m2, d2, y3, i, i + 3) : (m2, d2, null, i, i + 2);
        return null;
    }

    private TimeExpression MonthExpression(Document doc, int i, int month, DateOnly? pub, (EdtfDate Value, int Sentence)? narrative = null)
    {
        // Month Day(, Year)? | Month Year | Month
        if (DayNumber(doc, i + 1) is int day)
        {
            int end = i + 2;
            int? year = null;
            if (end < doc.Tokens.Count && doc.Lower[end] == "," && YearAt(doc, end + 1) is int y1) { year = y1; end += 2; }
            else if (YearAt(doc, end) is int y2) { year = y2; end++; }
            return Make(doc, i, end, Resolve(doc, i, pub, year, month, day), year is null);
        }
        if (YearAt(doc, i + 1) is int y) return Make(doc, i, i + 2, SafeMonth(y, month), false);
        // "in February last year", "in March this year"
        if (i + 2 < doc.Tokens.Count && doc.Lower[i + 2] == "year" && doc.Lower[i + 1] is "last" or "this" or "next")
        {
            int shift = doc.Lower[i + 1] switch { "last" => -1, "next" => 1, _ => 0 };
            return Make(doc, i, i + 3, pub is { } py ? SafeMonth(py.Year + shift, month) : null, true);
        }
        // "last August"
        bool last = i > 0 && doc.Lower[i - 1] == "last";
        bool next = i > 0 && doc.Lower[i - 1] == "next";
        EdtfDate? v = null;
        var tense = next ? true : last ? false : Tense(doc, i) ?? TenseOfOpenedClause(doc, i, i + 1);
        bool future = tense == true;
        // "In May 2024, Armenia halted funding. … In June, Pashinyan declared …": a past narrative moves on from the month
        // it last dated with its year (in the two sentences before), within half a year
        if (!last && !next && !future && narrative is { } n && doc.SentenceOf[i] - n.Sentence <= 2
            && month >= n.Value.Month && month - n.Value.Month <= 6 && (pub is not { } pp || new DateOnly(n.Value.Year, month, 1) <= pp))
            v = SafeMonth(n.Value.Year, month);
        else if (pub is { } p)
        {
            int year = p.Year;
            if (last) year = month < p.Month ? p.Year : p.Year - 1;
            else if (future) year = month >= p.Month ? p.Year : p.Year + 1;
            else if (tense == false) year = month <= p.Month ? p.Year : p.Year - 1;
            else year = month - p.Month > 6 ? p.Year - 1 : p.Month - month > 6 ? p.Year + 1 : p.Year; // the nearest
            v = SafeMonth(year, month);
        }
        int first = last || next ? i - 1 : i;
        return new TimeExpression(first, i + 1, doc.Tokens[first].Start, doc.Tokens[i].End, v, true, future);
    }

    private EdtfDate? Resolve(Document doc, int at, DateOnly? pub, int? year, int month, int day)
    {
        if (day > 31) return null;
        if (year is int y) return SafeDay(y, month, day);
        if (pub is not { } p) return null;
        var tense = Tense(doc, at);
        int yy = p.Year;
        var candidate = new DateOnly(yy, month, Math.Min(day, DateTime.DaysInMonth(yy, month)));
        if (tense == true && candidate < p) yy++;
        else if (tense == false && candidate > p) yy--;
        else if (tense is null && candidate.DayNumber - p.DayNumber > 182) yy--;
        else if (tense is null && p.DayNumber - candidate.DayNumber > 182) yy++;
        return SafeDay(yy, month, day);
    }

    private TimeExpression? RelativePeriod(Document doc, int i, DateOnly? pub)
    {
        // [earlier|later] this (year|month|week) | last/next (year|month|week)
        int k = i;
        if (doc.Lower[k] is "earlier" or "later")
        {
            if (k + 1 < doc.Tokens.Count && doc.Lower[k + 1] == "this") k++;
            else return null;
        }
        if (k + 1 >= doc.Tokens.Count) return null;
        var unit = doc.Lower[k + 1];
        var rel = doc.Lower[k];
        if (unit is not ("year" or "month" or "week")) return null;
        EdtfDate? v = null;
        if (pub is { } p)
        {
            v = (rel, unit) switch
            {
                ("this", "year") => EdtfDate.OfYear(p.Year),
                ("last", "year") => EdtfDate.OfYear(p.Year - 1),
                ("next", "year") => EdtfDate.OfYear(p.Year + 1),
                ("this", "month") => EdtfDate.OfMonth(p.Year, p.Month),
                ("last", "month") => EdtfDate.Of(p.AddMonths(-1)).Truncate(DatePrecision.Month),
                ("next", "month") => EdtfDate.Of(p.AddMonths(1)).Truncate(DatePrecision.Month),
                ("this", "week") => WeekMonth(p, 0),
                ("last", "week") => WeekMonth(p, -1),
                ("next", "week") => WeekMonth(p, 1),
                _ => null,
            };
        }
        return Make(doc, i, k + 2, v, true);
    }

    /// <summary>A week has no EDTF level-0 form: it is given as its month when the whole week lies in one, else its year.</summary>
    private static EdtfDate? WeekMonth(DateOnly p, int weeks)
    {
        var monday = p.AddDays(-(((int)p.DayOfWeek + 6) % 7) + 7 * weeks);
        var sunday = monday.AddDays(6);
        return monday.Month == sunday.Month ? EdtfDate.OfMonth(monday.Year, monday.Month) : null;
    }

    /// <summary>
    /// Tense of the clause before a time word: the nearest marker wins — a future marker ("will", "set for", "scheduled",
    /// "upcoming", "next") or a past one ("said", "announced", a verb in -ed, "was").
    /// </summary>
    public bool IsFuture(Document doc, int at)
    {
        int sentence = doc.SentenceOf[at];
        return Tense(doc, at) == true;
    }

    /// <summary>True for future, false for past, null when the clause has no marker.</summary>
    public bool? Tense(Document doc, int at)
    {
        int sentence = doc.SentenceOf[at];
        for (int k = at - 1; k >= 0 && at - k <= 12 && doc.SentenceOf[k] == sentence; k--)
        {
            var w = doc.Lower[k];
            if (w is "." or ";" or "“" or "”" or "\"") break;
            if (TenseMarker(doc, k) is { } tense) return tense;
        }
        return null;
    }

    /// <summary>
    /// The tense of the clause a time opens ("In March, the three states announced …", "In May, leaders will meet …"):
    /// the first marker after the time, when nothing but a preposition comes before it in its sentence.
    /// </summary>
    private bool? TenseOfOpenedClause(Document doc, int first, int end)
    {
        int sentence = doc.SentenceOf[first];
        int before = 0;
        for (int k = first - 1; k >= 0 && doc.SentenceOf[k] == sentence; k--) before++;
        if (before > 1) return null;
        for (int k = end; k < doc.Tokens.Count && k - end <= 12 && doc.SentenceOf[k] == sentence; k++)
        {
            var w = doc.Lower[k];
            if (w is "." or ";" or "“" or "”" or "\"") break;
            if (TenseMarker(doc, k) is { } tense) return tense;
        }
        return null;
    }

    /// <summary>Whether the word at <paramref name="k"/> marks the future (true) or the past (false).</summary>
    private bool? TenseMarker(Document doc, int k)
    {
        var w = doc.Lower[k];
        if (lexicons.FutureMarkers.Contains(w)) return true;
        if (k > 0 && doc.Lower[k - 1] is "be" && (w.EndsWith("ed", StringComparison.Ordinal) || w is "held" or "met")) return true;
        if (lexicons.PastVerbs.Contains(w) || w is "ago" or "since" or "last") return false;
        if (lexicons.SpeechVerbs.Contains(w) && w is not ("says" or "say" or "tells" or "adds" or "states" or "notes" or "writes")) return false;
        if (w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal) && w != "scheduled" && w != "expected" && w != "planned") return false;
        return null;
    }

    private static TimeExpression Make(Document doc, int first, int end, EdtfDate? value, bool relative) =>
        new(first, end, doc.Tokens[first].Start, doc.Tokens[end - 1].End, value, relative, false);

    private static int? DayNumber(Document doc, int i)
    {
        if (i >= doc.Tokens.Count || doc.Tokens[i].Kind != TokenKind.Number || doc.Tokens[i].Length > 2) return null;
        return int.TryParse(doc.Lower[i], out var d) && d is >= 1 and <= 31 ? d : null;
    }

    private static int? YearAt(Document doc, int i)
    {
        if (i < 0 || i >= doc.Tokens.Count || doc.Tokens[i].Kind != TokenKind.Number || doc.Tokens[i].Length != 4) return null;
        return int.TryParse(doc.Lower[i], out var y) && y is >= 1800 and <= 2100 ? y : null;
    }

    /// <summary>"2,024 people", "1.5 million": a 4-digit number followed by a unit is not a year.</summary>
    private static bool IsPartOfNumber(Document doc, int i) =>
        i + 1 < doc.Tokens.Count && doc.Lower[i + 1] is "million" or "billion" or "people" or "bpd" or "%" or "troops" or "km" or "tonnes" or "barrels";

    private static EdtfDate? SafeDay(int y, int m, int d) =>
        y is >= 1 and <= 9999 && d <= DateTime.DaysInMonth(y, m) ? EdtfDate.OfDay(y, m, d) : null;

    private static EdtfDate? SafeMonth(int y, int m) => y is >= 1 and <= 9999 ? EdtfDate.OfMonth(y, m) : null;
}
