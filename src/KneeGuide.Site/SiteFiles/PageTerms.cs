namespace KneeGuide.Site.SiteFiles;

/// <summary>
/// A page's search terms, each with its weight on that page (see <see cref="CollectSearchTerms"/>).
/// Two arrays rather than a dictionary: it is kept for every page until the index is written.
/// </summary>
public sealed class PageTerms(string[] terms, int[] weights)
{
    public IReadOnlyList<string> Terms { get; } = terms;

    public IReadOnlyList<int> Weights { get; } = weights;

    public Dictionary<string, int> ToDictionary()
    {
        var map = new Dictionary<string, int>(Terms.Count, StringComparer.Ordinal);
        for (var i = 0; i < Terms.Count; i++)
        {
            map[Terms[i]] = Weights[i];
        }

        return map;
    }
}
