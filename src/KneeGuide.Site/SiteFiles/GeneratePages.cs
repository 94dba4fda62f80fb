using KneeGuide.Core;
using KneeGuide.Site.Content;
using KneeGuide.Site.Templates;

namespace KneeGuide.Site.SiteFiles;

/// <summary>
/// PostProcess phase: the pages no editor writes: the exercise library, section lists, tag pages,
/// the credits page, the search page and 404.html.
/// </summary>
public sealed class GeneratePages(SiteInputs inputs) : IModule
{
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> _, IExecutionContext context)
    {
        var index = PageRendererFactory.Index(context);
        var renderer = context.GetService<PageRendererFactory>().Get(context);
        var views = renderer.Views;
        var pages = new List<(string Layout, PageView View, string Destination)>();

        PageView View(string kind, string title, string url, string description, string? parentTitle = null, string? parentUrl = null)
        {
            var crumbs = new List<LinkView> { new("Home", "/") };
            if (parentTitle is not null)
            {
                crumbs.Add(new LinkView(parentTitle, parentUrl!));
            }

            crumbs.Add(new LinkView(title, url, Current: true));
            return new PageView { Kind = kind, Title = title, Url = url, CanonicalUrl = views.AbsoluteUrl(url), Description = description, Breadcrumbs = crumbs };
        }

        var exercises = index.Exercises.Keys.Order(StringComparer.Ordinal).Select(id => views.Exercise(id)!).OrderBy(e => e.Title, StringComparer.Ordinal).ToList();
        var library = View("library", "Exercise library", "/exercises/", "Every exercise in the guide, with its dosage, what it works and what you need.");
        pages.Add(("library", library with { Exercises = exercises, Filters = new FiltersView(
            exercises.SelectMany(e => e.Targets).Distinct().Order(StringComparer.Ordinal).ToList(),
            exercises.SelectMany(e => e.Equipment).Distinct().Order(StringComparer.Ordinal).ToList(),
            exercises.Select(e => e.Difficulty).OfType<string>().Distinct().OrderBy(d => Array.IndexOf(["beginner", "intermediate", "advanced"], d)).ToList()) }, "exercises/index.html"));

        var mobility = SiteIndex.Sorted(index.MobilityPages.Values);
        pages.Add(("section", View("section", "Articles", "/articles/", "Articles about knee pain and how to manage it.") with { Items = ViewModelFactory.Links(index.Articles) }, "articles/index.html"));
        pages.Add(("section", View("section", "Mobility", "/mobility/", "Mobility routines and guides.") with { Items = ViewModelFactory.Links(mobility) }, "mobility/index.html"));

        var tagNames = index.Tags.Keys.Order(StringComparer.Ordinal).ToList();
        pages.Add(("tags", View("tags", "Topics", "/tags/", "Every topic in the guide.") with { Tags = tagNames.Select(views.Tag).ToList() }, "tags/index.html"));
        foreach (var tag in tagNames)
        {
            var view = View("tag", $"Topic: {tag}", $"/tags/{tag}/", $"Pages about {tag}.", "Topics", "/tags/");
            pages.Add(("tag", view with { Items = ViewModelFactory.Links(index.Tags[tag]) }, $"tags/{tag}/index.html"));
        }

        pages.Add(("credits", View("credits", "Image credits", "/credits/", "Who made each image in the guide and under which licence.") with { Credits = Credits(index, views) }, "credits/index.html"));
        pages.Add(("search", View("search", "Search", "/search/", "Search the guide."), "search/index.html"));
        pages.Add(("404", View("404", "Page not found", "/404.html", "This page does not exist."), "404.html"));

        var documents = new Document[pages.Count];
        Parallel.For(0, pages.Count, i =>
        {
            var (layout, view, destination) = pages[i];
            var rendered = renderer.Render(layout, view, null, [], [], context.Diagnostics);
            documents[i] = new Document(null, destination, rendered.Content).With(rendered.Links);
        });
        return Task.FromResult<IReadOnlyList<Document>>(documents);
    }

    private IReadOnlyList<CreditView> Credits(SiteIndex index, ViewModelFactory views)
    {
        var usedOn = new Dictionary<string, List<LinkView>>(StringComparer.Ordinal);
        foreach (var doc in index.Published.OrderBy(d => d.Source, StringComparer.Ordinal))
        {
            var page = doc.Require<ContentPage>();
            var files = (doc.Get<Markdown.RenderedMarkdown>()?.Links ?? [])
                .Where(l => l.IsImage && l.Href.StartsWith("/images/", StringComparison.Ordinal))
                .Select(l => Uri.UnescapeDataString(l.Href["/images/".Length..]));
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
