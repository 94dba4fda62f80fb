namespace KneeGuide.Site;

public static class SitePipelineNames
{
    public const string Articles = "Articles";
    public const string Mobility = "Mobility";
    public const string Exercises = "Exercises";
    public const string Pages = "Pages";
    public const string SiteIndex = "SiteIndex";
    public const string GeneratedPages = "GeneratedPages";
    public const string SiteFiles = "SiteFiles";
    public const string SearchIndex = "SearchIndex";
    public const string Images = "Images";
    public const string StaticFiles = "StaticFiles";
    public const string ThemeAssets = "ThemeAssets";
    public const string WebEditor = "WebEditor";
    public const string Validation = "Validation";

    public static readonly string[] Content = [Articles, Mobility, Exercises, Pages];
}
