using KneeGuide.Core;
using KneeGuide.Core.Caching;
using KneeGuide.Site.Content;
using KneeGuide.Site.Templates;

namespace KneeGuide.Site.SiteFiles;

/// <summary>
/// A page no editor writes: the exercise library, a section list, the topics, a topic's page, the
/// credits page, the search page or 404.html. What it lists is read when it is rendered
/// (<see cref="RenderGeneratedPage"/>), so the cache re-renders it only when that changed.
/// </summary>
/// <param name="List">What the page lists: "library", "articles", "mobility", "tags", "tag", "credits" or "none".</param>
/// <param name="Tag">The tag, for a tag page.</param>
public sealed record GeneratedPage(string Layout, string Title, string Url, string Description, string? ParentTitle, string? ParentUrl, string List, string? Tag = null);

/// <summary>PostProcess phase: one document per generated page, to be rendered by <see cref="RenderGeneratedPage"/>.</summary>
public sealed class GeneratePages : IModule
{
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> _, IExecutionContext context)
    {
        IReadOnlyList<Document> documents = List(PageRendererFactory.Index(context), context.GetService<SiteInputs>().Config)
            .Select(p => new Document(null, p.Url.EndsWith('/') ? ContentPaths.DestinationOf(p.Url) : p.Url.TrimStart('/')).With(p))
            .ToList();
        return Task.FromResult(documents);
    }

    /// <summary>Every page the build makes for this site index, in a stable order (search indexes them too).</summary>
    public static IReadOnlyList<GeneratedPage> List(SiteIndex index, SiteConfig config)
    {
        var pages = new List<GeneratedPage>
        {
            new("library", "Exercise library", "/exercises/", "Every exercise in the guide, with its dosage, what it works and what you need.", null, null, "library"),
            new("section", "Articles", "/articles/", "Articles about knee pain and how to manage it.", null, null, "articles"),
            new("section", "Mobility", "/mobility/", "Mobility routines and guides.", null, null, "mobility"),
            new("tags", "Topics", "/tags/", "Every topic in the guide.", null, null, "tags"),
        };
        pages.AddRange(index.Tags.Keys.Order(StringComparer.Ordinal).Select(tag =>
            new GeneratedPage("tag", $"Topic: {config.TagTitle(tag)}", $"/tags/{tag}/", $"Pages about {config.TagTitle(tag)}.", "Topics", "/tags/", "tag", tag)));
        pages.Add(new("credits", "Image and video credits", "/credits/", "Who made each image and video in the guide and under which licence.", null, null, "credits"));
        pages.Add(new("search", "Search", "/search/", "Search the guide.", null, null, "none"));
        pages.Add(new("plan", "Home exercise programme", "/plan/", "Build a home exercise programme: pick exercises, order them, set the dose, then print it or share the link.", "Exercises", "/exercises/", "plan"));
        pages.Add(new("404", "Page not found", "/404.html", "This page does not exist.", null, null, "none"));
        return pages;
    }
}

/// <summary>
/// PostProcess phase, in a cached chain with WriteFiles: renders a generated page, reading what it
/// lists through the view facts (so the cache knows when it changed).
/// </summary>
public sealed class RenderGeneratedPage : ParallelModule
{
    private static readonly string[] Levels = ["beginner", "intermediate", "advanced"];

    protected override Document? Execute(Document input, IDocumentContext context)
    {
        var spec = input.Require<GeneratedPage>();
        var facts = context.GetService<SiteFacts>();
        context.Reads.Read(facts, SiteFacts.ConfigKey);
        context.Reads.Read(facts, SiteFacts.ThemeKey);
        var renderer = context.GetService<PageRendererFactory>().Get(context);
        var views = renderer.Views;
        var reads = context.Reads;
        var crumbs = new List<LinkView> { new("Home", "/") };
        if (spec.ParentTitle is not null)
        {
            crumbs.Add(new LinkView(spec.ParentTitle, spec.ParentUrl!));
        }

        crumbs.Add(new LinkView(spec.Title, spec.Url, Current: true));
        var view = new PageView { Kind = spec.Layout, Title = spec.Title, Url = spec.Url, CanonicalUrl = views.AbsoluteUrl(spec.Url), Description = spec.Description, Breadcrumbs = crumbs };
        view = spec.List switch
        {
            "library" => Library(view, views.Exercises(reads)),
            "articles" => view with { Items = views.Articles(reads) },
            "mobility" => view with { Items = views.MobilityPages(reads) },
            "tags" => view with { Tags = views.Tags(reads) },
            "tag" => view with { Items = views.TagPages(spec.Tag!, reads) },
            "credits" => view with { Credits = views.CreditsPage(reads) },
            "plan" => Plan(view, views, reads),
            _ => view,
        };
        var rendered = renderer.Render(spec.Layout, view, null, [], [], context.Diagnostics, reads);
        return input.WithContent(rendered.Content).With(rendered.Links);
    }

    /// <summary>
    /// The programme builder: every exercise with its easier and harder variations, and the sheet of
    /// all of them, which the page's script shows, orders and doses from the URL (/plan/?e=a,b).
    /// </summary>
    private static PageView Plan(PageView view, ViewModelFactory views, Core.Caching.ReadSet reads)
    {
        var exercises = views.Exercises(reads);
        var items = exercises.Select(e => (e, p: views.Progressions(e.Id, reads)))
            .Select(x => new PlanItemView(x.e, string.Join(' ', x.p.Easier), string.Join(' ', x.p.Harder)))
            .ToList();
        return view with
        {
            Plan = items,
            Sheet = new SheetView(view.Title, view.CanonicalUrl, null, null, exercises),
        };
    }

    private static PageView Library(PageView view, IReadOnlyList<ExerciseView> exercises) => view with
    {
        Exercises = exercises,
        Filters = new FiltersView(
            exercises.SelectMany(e => e.Targets).Distinct().Order(StringComparer.Ordinal).ToList(),
            exercises.SelectMany(e => e.Equipment).Distinct().Order(StringComparer.Ordinal).ToList(),
            exercises.Select(e => e.Difficulty).OfType<string>().Distinct().OrderBy(d => Array.IndexOf(Levels, d)).ToList()),
    };
}
