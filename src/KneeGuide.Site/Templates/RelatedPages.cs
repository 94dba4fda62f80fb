using KneeGuide.Core;
using KneeGuide.Site.Content;

namespace KneeGuide.Site.Templates;

/// <summary>
/// "Related" lists: the pages sharing the most tags with a page, then the newest, then by source
/// path. A tag can carry hundreds of pages and every page asks, so pages are numbered once in that
/// tie-break order and each question is answered by counting into an int array: the best candidates
/// are then the highest counts with the lowest numbers.
/// </summary>
public sealed class RelatedPages
{
    private readonly Document[] _byRank;
    private readonly Dictionary<Document, int> _rankOf = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, int[]> _tagMembers = new(StringComparer.Ordinal);

    public RelatedPages(SiteIndex index)
    {
        _byRank = index.Tags.Values.SelectMany(d => d).Distinct()
            .OrderByDescending(d => d.Require<ContentPage>().Date ?? DateOnly.MinValue)
            .ThenBy(d => d.Source, StringComparer.Ordinal)
            .ToArray();
        for (var i = 0; i < _byRank.Length; i++)
        {
            _rankOf[_byRank[i]] = i;
        }

        foreach (var (tag, docs) in index.Tags)
        {
            _tagMembers[tag] = docs.Select(d => _rankOf[d]).ToArray();
        }
    }

    public IReadOnlyList<Document> For(Document doc, int wanted)
    {
        var self = _rankOf.GetValueOrDefault(doc, -1);
        var counts = new Dictionary<int, int>();
        foreach (var tag in doc.Require<ContentPage>().Tags.Select(t => t.Value).Distinct(StringComparer.Ordinal))
        {
            foreach (var rank in _tagMembers.GetValueOrDefault(tag) ?? [])
            {
                if (rank != self)
                {
                    counts[rank] = counts.GetValueOrDefault(rank) + 1;
                }
            }
        }

        // Keep a running best "wanted": higher count first, then lower rank.
        var top = new List<(int Rank, int Count)>(wanted + 1);
        foreach (var (rank, count) in counts)
        {
            var at = top.FindIndex(t => count > t.Count || (count == t.Count && rank < t.Rank));
            if (at < 0 && top.Count >= wanted)
            {
                continue;
            }

            top.Insert(at < 0 ? top.Count : at, (rank, count));
            if (top.Count > wanted)
            {
                top.RemoveAt(wanted);
            }
        }

        return top.Select(t => _byRank[t.Rank]).ToList();
    }
}
