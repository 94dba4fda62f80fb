using KneeGuide.Core;
using KneeGuide.Site.Content;
using KneeGuide.Site.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace KneeGuide.Site.Templates;

/// <summary>
/// The words the theme shows that are not content (sheet headings, pain scale labels, the programme
/// builder, care card levels): <c>theme/strings/&lt;language&gt;.yml</c>, a map of maps of text,
/// seen by templates as <c>strings</c> (<c>{{ strings.sheet.heading }}</c>). The site's language
/// picks the file; a key missing from it falls back to English, so a translation can be partial.
/// </summary>
public sealed class ThemeStrings
{
    public const string Fallback = "en";

    private ThemeStrings(IReadOnlyDictionary<string, object> values) => Values = values;

    /// <summary>Nested maps of strings (for Liquid: dictionaries are objects with keys).</summary>
    public IReadOnlyDictionary<string, object> Values { get; }

    public static readonly ThemeStrings Empty = new(new Dictionary<string, object>());

    /// <summary>The text at a dotted path ("care.urgent"), or the path itself when the theme has none (visible, never empty).</summary>
    public string Text(string path)
    {
        object? node = Values;
        foreach (var part in path.Split('.'))
        {
            node = node is IReadOnlyDictionary<string, object> map && map.TryGetValue(part, out var next) ? next : null;
        }

        return node as string ?? path;
    }

    /// <summary>Parses each <c>strings/&lt;code&gt;.yml</c> of the theme's sources once (errors reported at their line), by language code.</summary>
    public static IReadOnlyDictionary<string, SortedDictionary<string, object>> ParseAll(IReadOnlyDictionary<string, string> sources, Func<string, string> display, DiagnosticBag diagnostics)
    {
        var parsed = new SortedDictionary<string, SortedDictionary<string, object>>(StringComparer.Ordinal);
        foreach (var (path, text) in sources.Where(s => s.Key.StartsWith("strings/", StringComparison.Ordinal) && s.Key.EndsWith(".yml", StringComparison.Ordinal)))
        {
            var map = new SortedDictionary<string, object>(StringComparer.Ordinal);
            if (YamlText.Parse(text, display(path), 0, diagnostics) is { } root)
            {
                Merge(map, root, display(path), diagnostics);
            }

            parsed[path["strings/".Length..^".yml".Length]] = map;
        }

        return parsed;
    }

    /// <summary>The dotted keys of <paramref name="english"/> that <paramref name="translated"/> lacks, with their English text.</summary>
    public static IEnumerable<(string Key, string Text)> Missing(SortedDictionary<string, object> english, SortedDictionary<string, object> translated, string prefix)
    {
        foreach (var (key, value) in english)
        {
            var path = prefix + key;
            var other = translated.GetValueOrDefault(key);
            if (value is SortedDictionary<string, object> group)
            {
                foreach (var missing in Missing(group, other as SortedDictionary<string, object> ?? new(StringComparer.Ordinal), path + "."))
                {
                    yield return missing;
                }
            }
            else if (other is not string)
            {
                yield return (path, value as string ?? "");
            }
        }
    }

    /// <summary>The strings for <paramref name="language"/>, over English for keys it lacks.</summary>
    public static ThemeStrings For(IReadOnlyDictionary<string, SortedDictionary<string, object>> parsed, string language)
    {
        var merged = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var code in language == Fallback ? [Fallback] : new[] { Fallback, language })
        {
            if (parsed.TryGetValue(code, out var map))
            {
                Overlay(merged, map);
            }
        }

        return new ThemeStrings(Freeze(merged));
    }

    private static void Overlay(SortedDictionary<string, object> into, SortedDictionary<string, object> from)
    {
        foreach (var (key, value) in from)
        {
            if (value is SortedDictionary<string, object> child)
            {
                if (into.GetValueOrDefault(key) is not SortedDictionary<string, object> target)
                {
                    into[key] = target = new SortedDictionary<string, object>(StringComparer.Ordinal);
                }

                Overlay(target, child);
            }
            else
            {
                into[key] = value;
            }
        }
    }

    private static void Merge(SortedDictionary<string, object> into, YamlNode node, string file, DiagnosticBag diagnostics)
    {
        if (node is not YamlMappingNode map)
        {
            diagnostics.Add(Diagnostic.Error(ErrorCodes.TemplateError, new SourceLocation(file, (int)node.Start.Line, (int)node.Start.Column), "a strings file is a map of names to text (or to more maps)"));
            return;
        }

        foreach (var (keyNode, value) in map.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? "";
            switch (value)
            {
                case YamlScalarNode scalar:
                    into[key] = scalar.Value ?? "";
                    break;
                case YamlMappingNode:
                    if (into.GetValueOrDefault(key) is not SortedDictionary<string, object> child)
                    {
                        into[key] = child = new SortedDictionary<string, object>(StringComparer.Ordinal);
                    }

                    Merge(child, value, file, diagnostics);
                    break;
                default:
                    diagnostics.Add(Diagnostic.Error(ErrorCodes.TemplateError, new SourceLocation(file, (int)value.Start.Line, (int)value.Start.Column), $"'{key}' must be text or a map of text, not a list"));
                    break;
            }
        }
    }

    private static IReadOnlyDictionary<string, object> Freeze(SortedDictionary<string, object> map) =>
        map.ToDictionary(e => e.Key, e => e.Value is SortedDictionary<string, object> child ? Freeze(child) : e.Value, StringComparer.Ordinal);
}
