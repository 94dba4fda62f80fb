using KneeGuide.Site.Content;
using KneeGuide.Site.Markdown;

namespace KneeGuide.Site.Templates;

/// <summary>The credits page's list: every credited image that exists, with the pages that show it.</summary>
public static class CreditViews
{
    public static IReadOnlyList<CreditView> For(SiteInputs inputs, SiteIndex index)
    {
        var usedOn = new Dictionary<string, List<LinkView>>(StringComparer.Ordinal);
        foreach (var doc in index.Published.OrderBy(d => d.Source, StringComparer.Ordinal))
        {
            var page = doc.Require<ContentPage>();
            var files = (doc.Get<BodyFacts>()?.Images ?? []).Select(i => i.File);
            if (page.Image is { } image)
            {
                files = files.Append(image.Value);
            }

            foreach (var file in files.Distinct())
            {
                if (!usedOn.TryGetValue(file, out var list))
                {
                    usedOn[file] = list = [];
                }

                list.Add(ViewModelFactory.Link(doc));
            }
        }

        return inputs.Credits
            .Where(c => inputs.Catalog.Contains("images/" + c.Key))
            .Select(c => new CreditView(c.Key, "/images/" + Uri.EscapeDataString(c.Key), c.Value.Title, c.Value.Author, c.Value.Source, c.Value.License, c.Value.LicenseUrl, usedOn.GetValueOrDefault(c.Key) ?? []))
            .ToList();
    }
}
