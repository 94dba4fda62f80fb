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

    // Scratch space for For(), one per thread: a count per ranked page (all zero between calls) and
    // the ranks that were counted. Every page asks, so allocating these per call cost more than the
    // counting itself (hundreds of MB on a 5,000-page site).
    [ThreadStatic]
    private static int[]? t_counts;

    [ThreadStatic]
    private static List<int>? t_touched;

    public IReadOnlyList<Document> For(Document doc, int wanted)
    {
        var self = _rankOf.GetValueOrDefault(doc, -1);
        var counts = t_counts is { } c && c.Length >= _byRank.Length ? c : t_counts = new int[_byRank.Length];
        var touched = t_touched ??= [];
        touched.Clear();
        foreach (var tag in doc.Require<ContentPage>().Tags.Select(t => t.Value).Distinct(StringComparer.Ordinal))
        {
            foreach (var rank in _tagMembers.GetValueOrDefault(tag) ?? [])
            {
                if (rank != self && counts[rank]++ == 0)
                {
                    touched.Add(rank);
                }
            }
        }

        // Keep a running best "wanted": higher count first, then lower rank.
        var top = new List<(int Rank, int Count)>(wanted + 1);
        foreach (var rank in touched)
        {
            var count = counts[rank];
            counts[rank] = 0;
            var at = top.Count;
            while (at > 0 && (count > top[at - 1].Count || (count == top[at - 1].Count && rank < top[at - 1].Rank)))
            {
                at--;
            }

            if (at < wanted)
            {
                top.Insert(at, (rank, count));
                if (top.Count > wanted)
                {
                    top.RemoveAt(wanted);
                }
            }
        }

        return top.Select(t => _byRank[t.Rank]).ToList();
    }
}
