using KneeGuide.Core;
using KneeGuide.Site.Content;
using KneeGuide.Site.Diagnostics;

namespace KneeGuide.Site.Search;

/// <summary>
/// The synonyms search expands a query with: the groups KneeGuide ships for the language
/// (Languages/&lt;code&gt;.synonyms.txt) and those a site adds in site.yml (<c>search: synonyms:</c>),
/// each member read into its terms as page text is. A member maps to every other member of every
/// group it is in. The browser looks them up in the term shard of a member's first term, so only the
/// synonyms of the words typed are ever loaded.
/// </summary>
public sealed class SynonymList
{
    private readonly SortedDictionary<string, SortedSet<string>> _alternatives = new(StringComparer.Ordinal);

    /// <summary>A member phrase (terms joined by spaces) and the other phrases it may be replaced with, sorted.</summary>
    public IEnumerable<(string Phrase, IReadOnlyList<string> Alternatives)> Entries =>
        _alternatives.Select(e => (e.Key, (IReadOnlyList<string>)e.Value.ToList()));

    /// <summary>The groups KneeGuide ships for a language (none for a language without a list).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> BuiltIn(string languageCode)
    {
        using var stream = typeof(SynonymList).Assembly.GetManifestResourceStream($"KneeGuide.Site.Search.Languages.{languageCode}.synonyms.txt");
        if (stream is null)
        {
            return [];
        }

        using var reader = new StreamReader(stream);
        var groups = new List<IReadOnlyList<string>>();
        while (reader.ReadLine() is { } line)
        {
            if (line.TrimStart().StartsWith('#') || line.Trim().Length == 0)
            {
                continue;
            }

            groups.Add(line.Split(',').Select(m => m.Trim()).Where(m => m.Length > 0).ToList());
        }

        return groups;
    }

    /// <summary>
    /// The built-in groups and the site's, analyzed. A site group that cannot work (one member, or a
    /// member with no searchable word) is reported as a warning at its place in site.yml and skipped.
    /// </summary>
    public static SynonymList Build(SearchAnalyzer analyzer, IReadOnlyList<IReadOnlyList<Located<string>>> siteGroups, DiagnosticBag diagnostics)
    {
        var list = new SynonymList();
        foreach (var group in analyzer.Language.BuiltInSynonyms)
        {
            list.Add(group.Select(m => string.Join(' ', analyzer.Terms(m))).Where(p => p.Length > 0).Distinct().ToList());
        }

        foreach (var group in siteGroups)
        {
            var phrases = new List<string>();
            foreach (var member in group)
            {
                var phrase = string.Join(' ', analyzer.Terms(member.Value));
                if (phrase.Length == 0)
                {
                    diagnostics.Add(Diagnostic.Warning(ErrorCodes.UnusableSynonym, member.Location, $"the synonym '{member.Value}' has no word search can look for (only short or very common words such as 'the' or 'my'): write the word a reader would type, or remove it"));
                    continue;
                }

                if (!phrases.Contains(phrase))
                {
                    phrases.Add(phrase);
                }
            }

            if (phrases.Count < 2 && group.Count > 0)
            {
                diagnostics.Add(Diagnostic.Warning(ErrorCodes.UnusableSynonym, group[0].Location, $"this synonym group has only one word or phrase search can use ('{group[0].Value}'), so it changes nothing: list at least two that mean the same, e.g. [bum, glutes, buttocks]"));
                continue;
            }

            list.Add(phrases);
        }

        return list;
    }

    private void Add(IReadOnlyList<string> phrases)
    {
        foreach (var phrase in phrases)
        {
            if (!_alternatives.TryGetValue(phrase, out var others))
            {
                _alternatives[phrase] = others = new SortedSet<string>(StringComparer.Ordinal);
            }

            foreach (var other in phrases)
            {
                if (other != phrase)
                {
                    others.Add(other);
                }
            }
        }

        foreach (var phrase in phrases.Where(p => _alternatives[p].Count == 0))
        {
            _alternatives.Remove(phrase);
        }
    }
}
