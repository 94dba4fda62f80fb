using KneeGuide.Site.Content;
using KneeGuide.Site.Markdown;

namespace KneeGuide.Site.Templates;

/// <summary>
/// The credits page's list: every credited image, then every credited clip, that exists, with the
/// pages that show it. In another language only the titles change (each credit's translation); the
/// author, source and licence are the credit's own words, as the licence requires them written.
/// </summary>
public static class CreditViews
{
    /// <param name="language">The page's language, null for the default.</param>
    public static IReadOnlyList<CreditView> For(SiteInputs inputs, SiteIndex index, string? language = null)
    {
        var images = new Dictionary<string, List<LinkView>>(StringComparer.Ordinal);
        var videos = new Dictionary<string, List<LinkView>>(StringComparer.Ordinal);
        foreach (var doc in index.Published.OrderBy(d => d.Source, StringComparer.Ordinal))
        {
            var page = doc.Require<ContentPage>();
            var facts = doc.Get<BodyFacts>();
            var imageFiles = (facts?.Images ?? []).Select(i => i.File);
            if (page.Image is { } image)
            {
                imageFiles = imageFiles.Append(image.Value);
            }

            var videoFiles = (facts?.Videos ?? []).Select(v => v.File);
            if (doc.Get<ExerciseFrontMatter>()?.Video is { } video)
            {
                videoFiles = videoFiles.Append(video.Value);
            }

            Add(images, imageFiles, doc);
            Add(videos, videoFiles, doc);
        }

        return Credits(inputs, inputs.Credits, "images", "image", images, language)
            .Concat(Credits(inputs, inputs.VideoCredits, "videos", "video", videos, language))
            .ToList();
    }

    private static void Add(Dictionary<string, List<LinkView>> usedOn, IEnumerable<string> files, Core.Document doc)
    {
        foreach (var file in files.Distinct())
        {
            if (!usedOn.TryGetValue(file, out var list))
            {
                usedOn[file] = list = [];
            }

            list.Add(ViewModelFactory.Link(doc));
        }
    }

    private static IEnumerable<CreditView> Credits(SiteInputs inputs, IReadOnlyDictionary<string, ImageCredit> credits, string folder, string kind, Dictionary<string, List<LinkView>> usedOn, string? language) =>
        credits
            .Where(c => inputs.Catalog.Contains(folder + "/" + c.Key))
            .Select(c => new CreditView(c.Key, $"/{folder}/" + Uri.EscapeDataString(c.Key), c.Value.TitleIn(language), c.Value.Author, c.Value.Source, c.Value.License, c.Value.LicenseUrl, usedOn.GetValueOrDefault(c.Key) ?? [], kind));
}
