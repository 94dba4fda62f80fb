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

    /// <summary>Longer "words" (hashes, run-together URLs) are left out of the index.</summary>
    public const int MaxTermLength = 40;

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWordLookup = StopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Receives one term; the span is only valid during the call.</summary>
    public delegate void TermHandler(ReadOnlySpan<char> term);

    /// <summary>
    /// Calls <paramref name="onTerm"/> for each term of the text, in order, without allocating a string
    /// per word: the search index tokenizes every page, and most words are ones it has seen before.
    /// </summary>
    public static void Tokenize(ReadOnlySpan<char> text, TermHandler onTerm)
    {
        Span<char> word = stackalloc char[MaxTermLength];
        var length = 0; // characters in the current word; past MaxTermLength only counted
        foreach (var raw in text)
        {
            char c;
            if (char.IsAscii(raw))
            {
                // The common case: no accent to fold, no combining mark, no curly apostrophe.
                if (char.IsAsciiLetterOrDigit(raw))
                {
                    c = char.IsAsciiLetterUpper(raw) ? (char)(raw | 0x20) : raw;
                }
                else
                {
                    if (raw != '\'')
                    {
                        Emit(word, ref length, onTerm);
                    }

                    continue; // runner's -> runners, as readers type it either way
                }
            }
            else
            {
                var fold = FoldFrom.IndexOf(raw, StringComparison.Ordinal);
                c = fold >= 0 ? FoldTo[fold] : raw;
                if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c == '\u2019')
                {
                    continue; // a combining accent typed after its letter, or a curly apostrophe
                }

                if (!char.IsLetterOrDigit(c))
                {
                    Emit(word, ref length, onTerm);
                    continue;
                }

                c = char.ToLowerInvariant(c);
            }

            if (length < MaxTermLength)
            {
                word[length] = c;
            }

            length++;
        }

        Emit(word, ref length, onTerm);
    }

    private static void Emit(Span<char> word, ref int length, TermHandler onTerm)
    {
        if (length >= 2 && length <= MaxTermLength && !StopWordLookup.Contains(word[..length]))
        {
            onTerm(word[..length]);
        }

        length = 0;
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
