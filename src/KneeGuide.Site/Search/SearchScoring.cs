namespace KneeGuide.Site.Search;

/// <summary>
/// BM25F, worked out per page at build time as an "impact" per term (the browser multiplies it by the
/// term's idf, which needs the whole index): the term's occurrences are weighted by field (a title
/// word counts as much as eight in the body), the body's share is normalized by the page's length,
/// and the sum is saturated with k1, so repeating a word twenty times is worth little more than
/// five (k1 is 2 rather than the usual 1.2 so that a title match stays well ahead of a mention in the
/// body after saturation). The length is measured against a fixed pivot rather than the site's average page length:
/// an edit to one page then changes only that page's impacts, so the index remakes only the shards
/// it touched.
/// </summary>
public static class SearchScoring
{
    public const double TitleWeight = 8;
    public const double KeywordWeight = 4;   // an exercise's targets, a page's tags
    public const double HeadingWeight = 3;
    public const double DescriptionWeight = 2; // the description, an exercise's equipment and dose
    public const double BodyWeight = 1;

    public const double K1 = 2.0;
    public const double B = 0.75;

    /// <summary>The body length (in words) at which length normalization is neutral.</summary>
    public const double PivotLength = 300;

    /// <summary>Impacts are whole numbers from 1 to this; the browser divides by it.</summary>
    public const int ImpactScale = 63;

    /// <summary>The impact of a term from its weighted field counts and its body count, on a page with <paramref name="bodyLength"/> words.</summary>
    public static int Impact(double weightedFields, double bodyCount, int bodyLength)
    {
        var norm = 1 - B + (B * bodyLength / PivotLength);
        var tf = weightedFields + (BodyWeight * bodyCount / norm);
        var saturated = tf * (K1 + 1) / (tf + K1);
        return Math.Clamp((int)Math.Round(saturated / (K1 + 1) * ImpactScale, MidpointRounding.AwayFromZero), 1, ImpactScale);
    }
}
