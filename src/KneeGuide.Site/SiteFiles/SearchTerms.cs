using System.Globalization;
using System.Text;

namespace KneeGuide.Site.SiteFiles;

/// <summary>
/// How text becomes search terms. theme/assets/js/search.js repeats these rules exactly (lower case,
/// accents dropped, split on anything that is not a letter or digit, shard key from the first two
/// characters), so a query term finds the shard that holds it. Accents are folded with an explicit
/// table rather than Unicode normalization because the build runs with InvariantGlobalization, where
/// string.Normalize does nothing; search.js carries the same two strings.
/// </summary>
public static class SearchTerms
{
    public const int ShardPrefixLength = 2;

    /// <summary>Accented Latin letters and, at the same position in <see cref="FoldTo"/>, their plain letter.</summary>
    public const string FoldFrom = "ÀÁÂÃÄÅàáâãäåĀāĂăĄąÇçĆćĈĉĊċČčĎďĐđÈÉÊËèéêëĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦħÌÍÎÏìíîïĨĩĪīĬĭĮįİıĴĵĶķĹĺĻļĽľĿŀŁłÑñŃńŅņŇňÒÓÔÕÖØòóôõöøŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŦŧÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲųŴŵÝýÿŶŷŸŹźŻżŽž";

    public const string FoldTo = "aaaaaaaaaaaaaaaaaaccccccccccddddeeeeeeeeeeeeeeeeeegggggggghhhhiiiiiiiiiiiiiiiiiijjkkllllllllllnnnnnnnnoooooooooooooooooorrrrrrssssssssttttttuuuuuuuuuuuuuuuuuuuuwwyyyyyyzzzzzz";

    // Words too common to help a reader find a page; dropping them keeps the shards small.
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "has", "have", "if", "in",
        "into", "is", "it", "its", "of", "on", "or", "so", "that", "the", "their", "then", "there", "this",
        "to", "was", "were", "will", "with", "you", "your",
    };

    public static IEnumerable<string> Tokenize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        var word = new StringBuilder();
        foreach (var raw in text)
        {
            var fold = FoldFrom.IndexOf(raw, StringComparison.Ordinal);
            var c = fold >= 0 ? FoldTo[fold] : raw;
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue; // a combining accent typed after its letter
            }

            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
                continue;
            }

            if (c is '\'' or '\u2019')
            {
                continue; // runner's -> runners, as readers type it either way
            }

            if (Take(word) is { } w)
            {
                yield return w;
            }
        }

        if (Take(word) is { } last)
        {
            yield return last;
        }
    }

    private static string? Take(StringBuilder word)
    {
        var w = word.ToString();
        word.Clear();
        return w.Length >= 2 && w.Length <= 40 && !StopWords.Contains(w) ? w : null;
    }

    /// <summary>The shard file name for a term: its first two characters, anything outside a-z0-9 as '_'.</summary>
    public static string ShardKey(string term)
    {
        var key = new StringBuilder(ShardPrefixLength);
        foreach (var c in term.Take(ShardPrefixLength))
        {
            key.Append(c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : '_');
        }

        return key.ToString();
    }
}
