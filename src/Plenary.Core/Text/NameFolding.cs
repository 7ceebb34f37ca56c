using System.Globalization;
using System.Text;

namespace Plenary.Core.Text;

/// <summary>
/// The one way names are compared: accents dropped, case folded, punctuation turned to spaces, spaces collapsed.
/// "Saint-Pétersbourg", "saint petersbourg" and "SAINT PETERSBOURG" fold to the same key.
/// </summary>
public static class NameFolding
{
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        bool space = true;
        foreach (var c in decomposed)
        {
            var cat = CharUnicodeInfo.GetUnicodeCategory(c);
            if (cat == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else if (c is '\'' or '’' or '‘') continue; // "Cote d'Ivoire" ~ "Cote dIvoire"; apostrophes join, not split
            else if (c == '+')
            {
                // "OPEC+" is not "OPEC": the plus is part of the name.
                if (!space) sb.Append(' ');
                sb.Append("plus ");
                space = true;
            }
            else if (!space)
            {
                sb.Append(' ');
                space = true;
            }
        }
        if (sb.Length > 0 && sb[^1] == ' ') sb.Length--;
        return sb.ToString();
    }

    /// <summary>Edit distance (Levenshtein), capped for speed: how close a mistyped name is to a known one.</summary>
    public static int Distance(string a, string b, int cap = 64)
    {
        if (Math.Abs(a.Length - b.Length) > cap) return cap + 1;
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) prev[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
