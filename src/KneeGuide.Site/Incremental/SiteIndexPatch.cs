using KneeGuide.Core;
using KneeGuide.Site.Content;

namespace KneeGuide.Site.Incremental;

/// <summary>
/// The site index with one page's document replaced by its re-rendered one. Only used when the page's
/// facts (front matter, inline cards, images) are unchanged, so every list keeps its order and only
/// the references change: views compare documents by reference (a page is not "related" to itself).
/// </summary>
public static class SiteIndexPatch
{
    public static SiteIndex Replace(SiteIndex index, Document old, Document replacement)
    {
        Document Swap(Document d) => ReferenceEquals(d, old) ? replacement : d;
        IReadOnlyList<Document> List(IReadOnlyList<Document> list) => list.Contains(old) ? list.Select(Swap).ToList() : list;
        IReadOnlyDictionary<string, Document> Map(IReadOnlyDictionary<string, Document> map) =>
            map.Values.Contains(old) ? map.ToDictionary(e => e.Key, e => Swap(e.Value), StringComparer.Ordinal) : map;
        IReadOnlyDictionary<string, IReadOnlyList<Document>> Groups(IReadOnlyDictionary<string, IReadOnlyList<Document>> groups) =>
            groups.ToDictionary(g => g.Key, g => List(g.Value), StringComparer.Ordinal);

        return new SiteIndex
        {
            Documents = List(index.Documents),
            ByUrl = Map(index.ByUrl),
            Exercises = Map(index.Exercises),
            MobilityPages = Map(index.MobilityPages),
            Articles = List(index.Articles),
            Tags = Groups(index.Tags),
            ExerciseUsedBy = Groups(index.ExerciseUsedBy),
            MobilityLinkedFrom = Groups(index.MobilityLinkedFrom),
            DraftUrls = index.DraftUrls,
            FailedUrls = index.FailedUrls,
            Redirects = index.Redirects,
            UsedImages = index.UsedImages,
        };
    }
}
