using KneeGuide.Core;
using KneeGuide.Core.Caching;
using KneeGuide.Site.Content;
using KneeGuide.Site.Templates;

namespace KneeGuide.Site.SiteFiles;

/// <summary>
/// What the whole-site files are made from, as one hash each, for <see cref="CacheAggregate"/>: when
/// it is unchanged, the files are reused from the earlier output instead of being made again.
/// </summary>
public static class WholeSiteInputs
{
    /// <summary>
    /// The sitemap, feed, robots.txt and _redirects: site.yml and every page's facts (addresses,
    /// dates, titles, redirects), which the view epoch hashes.
    /// </summary>
    public static UInt128 SiteFiles(IExecutionContext context) =>
        new ContentHash.Builder().Add(context.GetService<SiteFacts>().ViewEpoch).Add(context.GetService<SiteInputs>().ConfigHash).Finish();
}
