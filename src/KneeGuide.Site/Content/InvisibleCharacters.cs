namespace KneeGuide.Site.Content;

/// <summary>
/// Characters that look like nothing, or like an ordinary space or hyphen, and arrive with text
/// pasted from Word, web pages or chat apps. In a slug, an id, a tag or an anchor they make two
/// names that look the same differ; after a heading's '##' they stop it being a heading. Messages
/// name the character and where it is, because the editor cannot see it.
/// </summary>
public static class InvisibleCharacters
{
    private static readonly Dictionary<char, string> Names = new()
    {
        ['\u00A0'] = "a non-breaking space (U+00A0)",
        ['\u202F'] = "a narrow non-breaking space (U+202F)",
        ['\u2007'] = "a figure space (U+2007)",
        ['\u2011'] = "a non-breaking hyphen (U+2011)",
        ['\u00AD'] = "a soft hyphen (U+00AD)",
        ['\u200B'] = "a zero-width space (U+200B)",
        ['\u200C'] = "a zero-width non-joiner (U+200C)",
        ['\u200D'] = "a zero-width joiner (U+200D)",
        ['\u2060'] = "a word joiner (U+2060)",
        ['\uFEFF'] = "a zero-width no-break space (U+FEFF)",
    };

    /// <summary>What each invisible character should become: nothing, or the plain character it imitates.</summary>
    private static char? Replacement(char c) => c switch
    {
        '\u00A0' or '\u202F' or '\u2007' => ' ',
        '\u2011' => '-',
        _ => null,
    };

    /// <summary>The index of the first invisible character, or -1.</summary>
    public static int IndexOf(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (Names.ContainsKey(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    public static bool IsInvisible(char c) => Names.ContainsKey(c);

    /// <summary>"a zero-width space (U+200B)".</summary>
    public static string Name(char c) => Names.TryGetValue(c, out var name) ? name : $"U+{(int)c:X4}";

    /// <summary>The text as the editor meant it: spaces and hyphens made plain, invisible characters removed.</summary>
    public static string Clean(string text)
    {
        if (IndexOf(text) < 0)
        {
            return text;
        }

        var sb = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!Names.ContainsKey(c))
            {
                sb.Append(c);
            }
            else if (Replacement(c) is { } plain)
            {
                sb.Append(plain);
            }
        }

        return sb.ToString();
    }
}
