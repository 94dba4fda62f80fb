using System.Text.RegularExpressions;

namespace KneeGuide.Site.Content;

/// <summary>
/// Turns YamlDotNet's parser messages ("While scanning a plain scalar value, found invalid mapping")
/// into what an editor can act on, at the line and column where the mistake really is (YamlDotNet
/// often points at the start of the front matter). Each case is a mistake seen in editors' files:
/// a colon inside an unquoted value, a tab used to indent, Word's curly quotes, a non-breaking space,
/// a quote never closed, a key out of line with its neighbours.
/// </summary>
public static partial class YamlErrorExplainer
{
    /// <summary>A plain-words message and the 1-based line (within the YAML text) and column it belongs at.</summary>
    public sealed record Explanation(int Line, int Column, string Message);

    /// <param name="yaml">The YAML text that failed to parse.</param>
    /// <param name="parserMessage">YamlDotNet's message, without its position prefix.</param>
    /// <param name="line">YamlDotNet's 1-based line.</param>
    /// <param name="column">YamlDotNet's 1-based column.</param>
    public static Explanation Explain(string yaml, string parserMessage, int line, int column)
    {
        var lines = yaml.Split('\n');
        var errorLine = Math.Clamp(line, 1, Math.Max(lines.Length, 1));

        // A tab or an invisible character at or before the reported line is the real cause far more
        // often than whatever the parser says about the line it stopped on. For a tab the parser
        // reports the start of the mapping, so every line is searched.
        var searchTo = parserMessage.Contains("tab", StringComparison.OrdinalIgnoreCase) ? lines.Length : Math.Min(errorLine, lines.Length);
        for (var i = 0; i < searchTo; i++)
        {
            var text = lines[i];
            var indent = text.Length - text.TrimStart(' ', '\t').Length;
            var tab = text.AsSpan(0, indent).IndexOf('\t');
            if (tab >= 0)
            {
                return new(i + 1, tab + 1, "this line is indented with a tab, and YAML only allows spaces: replace the tab with spaces (two for each level)");
            }

            if (InvisibleOutsideQuotes(text) is { } hidden)
            {
                return new(i + 1, hidden + 1, $"this line has {InvisibleCharacters.Name(text[hidden])}, often pasted from Word or a web page, where YAML needs an ordinary space: delete it and type a space");
            }
        }

        var current = errorLine <= lines.Length ? lines[errorLine - 1] : "";
        if (parserMessage.Contains("tab", StringComparison.OrdinalIgnoreCase))
        {
            return new(errorLine, column, "a tab is used for indentation, and YAML only allows spaces: replace it with spaces");
        }

        if (parserMessage.Contains("invalid mapping", StringComparison.OrdinalIgnoreCase)
            || parserMessage.Contains("mapping values are not allowed", StringComparison.OrdinalIgnoreCase))
        {
            // The parser stops on the line after a multi-line value: the value started on a 'key:' line above.
            var keyLine = errorLine;
            while (keyLine > 1 && !KeyLine().IsMatch(lines[keyLine - 1]))
            {
                keyLine--;
            }

            var match = KeyLine().Match(lines[keyLine - 1]);
            if (match.Success)
            {
                var key = match.Groups["key"].Value;
                var value = match.Groups["value"].Value.Trim();
                var valueColumn = match.Groups["value"].Index + 1 + (match.Groups["value"].Value.Length - match.Groups["value"].Value.TrimStart().Length);
                if (value.Length > 0 && value[0] is '\u201C' or '\u201D' or '\u2018' or '\u2019')
                {
                    return new(keyLine, valueColumn, $"the value of '{key}' starts with a curly quote ({value[0]}), as Word types them, which YAML does not read as a quote: use straight quotes, {key}: \"{Unquote(value)}\"");
                }

                return new(keyLine, keyLine == errorLine ? column : valueColumn, $"the value of '{key}' has a colon followed by a space in it, which YAML reads as the start of another key: put the whole value in double quotes, {key}: \"{value.Replace("\"", "\\\"")}\"");
            }
        }

        if (parserMessage.Contains("quoted scalar", StringComparison.OrdinalIgnoreCase) || parserMessage.Contains("end of stream", StringComparison.OrdinalIgnoreCase))
        {
            var (quoteLine, quoteColumn) = OpenQuote(lines, errorLine);
            return new(quoteLine, quoteColumn, "a quote opened here is never closed: end the value with the same kind of quote, on the same line");
        }

        if (parserMessage.Contains("did not find expected key", StringComparison.OrdinalIgnoreCase)
            || parserMessage.Contains("did not find expected '-' indicator", StringComparison.OrdinalIgnoreCase))
        {
            return new(errorLine, Math.Max(1, current.Length - current.TrimStart().Length + 1), "this line is not lined up with the keys around it: keys of the same group start in the same column (indent with spaces, the same number for each level)");
        }

        return new(errorLine, column, $"the front matter is not valid YAML here ({parserMessage.TrimEnd('.')}): check the quotes, colons and indentation on this line and the one before");
    }

    /// <summary>The first invisible character that is not inside a quoted value (where it is harmless text).</summary>
    private static int? InvisibleOutsideQuotes(string line)
    {
        var colon = line.IndexOf(':');
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] is '"' or '\'' && i > colon)
            {
                return null;
            }

            // Invisible characters in the key, in the indentation or right after the colon break YAML;
            // in the middle of a plain value they are part of the text.
            if (InvisibleCharacters.IsInvisible(line[i]) && (colon < 0 || i <= colon + 1))
            {
                return i;
            }
        }

        return null;
    }

    private static (int Line, int Column) OpenQuote(string[] lines, int errorLine)
    {
        for (var i = Math.Min(errorLine, lines.Length) - 1; i >= 0; i--)
        {
            var match = KeyLine().Match(lines[i]);
            var value = match.Success ? match.Groups["value"] : null;
            if (value is not null && value.Value.TrimStart() is { Length: > 0 } v && v[0] is '"' or '\'')
            {
                return (i + 1, value.Index + (value.Value.Length - v.Length) + 1);
            }
        }

        return (errorLine, 1);
    }

    private static string Unquote(string value) => value.Trim('\u201C', '\u201D', '\u2018', '\u2019', ' ').Replace("\"", "\\\"");

    [GeneratedRegex(@"^\s*(?:-\s+)?(?<key>[^\s:#'""][^:]*?):(?<value>\s.*)?$")]
    private static partial Regex KeyLine();
}
