using KneeGuide.Core;
using KneeGuide.Core.Caching;
using KneeGuide.Site.Content;
using KneeGuide.Site.Templates;

namespace KneeGuide.Site.SiteFiles;

/// <summary>
/// A page no editor writes: the exercise library, a section list, the topics, a topic's page, the
/// credits page, the search page or 404.html, in the default language or, under /&lt;code&gt;/, in
/// another. What it lists is read when it is rendered (<see cref="RenderGeneratedPage"/>), so the
/// cache re-renders it only when that changed.
/// </summary>
/// <param name="List">What the page lists: "library", "articles", "mobility", "tags", "tag", "credits", "plan" or "none".</param>
/// <param name="Tag">The tag, for a tag page.</param>
/// <param name="Language">The page's language code; null in the default language.</param>
public sealed record GeneratedPage(string Layout, string Title, string Url, string Description, string? ParentTitle, string? ParentUrl, string List, string? Tag = null, string? Language = null)
{
    /// <summary>
    /// A 404 page (/404.html, /es/404.html): served for a missing address (NotFoundPages), never
    /// listed in the sitemap nor offered as a version of another language's.
    /// </summary>
    public bool IsNotFound => Layout is "404";

    /// <summary>The default language's address of this page (/exercises/ for /es/exercises/).</summary>
    public string DefaultUrl => Language is null ? Url : Url[(Language.Length + 1)..];
}

/// <summary>PostProcess phase: one document per generated page in every language, to be rendered by <see cref="RenderGeneratedPage"/>.</summary>
public sealed class GeneratePages : IModule
{
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> _, IExecutionContext context)
    {
        IReadOnlyList<Document> documents = All(context.GetService<SiteFacts>().Views)
            .Select(p => new Document(null, p.Url.EndsWith('/') ? ContentPaths.DestinationOf(p.Url) : p.Url.TrimStart('/')).With(p))
            .ToList();
        return Task.FromResult(documents);
    }

    /// <summary>Every generated page of every declared language, the default's first.</summary>
    public static IReadOnlyList<GeneratedPage> All(ViewModelFactory views) =>
        views.Config.AllLanguages.SelectMany(l => List(views, l.Code.Value)).ToList();

    /// <summary>
    /// Every page the build makes in a language (the default for null), in a stable order (search
    /// indexes them too); titles and descriptions are the theme's words in that language (strings.pages).
    /// </summary>
    public static IReadOnlyList<GeneratedPage> List(ViewModelFactory views, string? language = null)
    {
        var code = views.Other(language);
        var strings = views.StringsIn(code);
        string Text(string key) => strings.Text("pages." + key);
        string Url(string url) => Translations.UrlIn(code, url);
        var topics = Text("tags_title");
        var pages = new List<GeneratedPage>
        {
            new("library", Text("library_title"), Url("/exercises/"), Text("library_description"), null, null, "library"),
            new("section", Text("articles_title"), Url("/articles/"), Text("articles_description"), null, null, "articles"),
            new("section", Text("mobility_title"), Url("/mobility/"), Text("mobility_description"), null, null, "mobility"),
            new("tags", topics, Url("/tags/"), Text("tags_description"), null, null, "tags"),
        };
        pages.AddRange(views.Index.Tags.Keys.Order(StringComparer.Ordinal).Select(tag =>
        {
            var title = views.Config.TagTitle(tag, code);
            return new GeneratedPage("tag", Text("tag_title").Replace("{tag}", title, StringComparison.Ordinal), Url($"/tags/{tag}/"),
                Text("tag_description").Replace("{tag}", title, StringComparison.Ordinal), topics, Url("/tags/"), "tag", tag);
        }));
        pages.Add(new("credits", Text("credits_title"), Url("/credits/"), Text("credits_description"), null, null, "credits"));
        pages.Add(new("search", Text("search_title"), Url("/search/"), Text("search_description"), null, null, "none"));
        pages.Add(new("plan", Text("plan_title"), Url("/plan/"), Text("plan_description"), strings.Text("crumbs.exercises"), Url("/exercises/"), "plan"));
        pages.Add(new("404", Text("not_found_title"), Url(NotFoundPages.Default), Text("not_found_description"), null, null, "none"));
        return pages.Select(p => p with { Language = code }).ToList();
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
        var code = spec.Language;
        var crumbs = new List<LinkView>(views.Trail(code, reads));
        if (spec.ParentTitle is not null)
        {
            crumbs.Add(new LinkView(spec.ParentTitle, spec.ParentUrl!));
        }

        crumbs.Add(new LinkView(spec.Title, spec.Url, Current: true));
        var alternates = Alternates(spec, views);
        var view = new PageView
        {
            Kind = spec.Layout, Title = spec.Title, Url = spec.Url, CanonicalUrl = views.AbsoluteUrl(spec.Url), Description = spec.Description, Breadcrumbs = crumbs,
            Language = code, Dir = code is null ? null : views.Config.LanguageOf(code)?.Dir,
            Alternates = alternates, XDefaultUrl = alternates.Count > 0 ? alternates[0].AbsoluteUrl : null,
        };
        view = spec.List switch
        {
            "library" => Library(view, views.Exercises(reads, code)),
            "articles" => view with { Items = views.Articles(reads, code) },
            "mobility" => view with { Items = views.MobilityPages(reads, code) },
            "tags" => view with { Tags = views.Tags(reads, code) },
            "tag" => view with { Items = views.TagPages(spec.Tag!, reads, code) },
            "credits" => view with { Credits = views.CreditsPage(reads, code) },
            "plan" => Plan(view, views, reads, code),
            _ => view,
        };
        var rendered = renderer.Render(spec.Layout, view, null, [], [], context.Diagnostics, reads);
        return input.WithContent(rendered.Content).With(rendered.Links);
    }

    /// <summary>
    /// The programme builder: every exercise with its easier and harder variations, and the sheet of
    /// all of them, which the page's script shows, orders and doses from the URL (/plan/?e=a,b).
    /// </summary>
    /// <summary>
    /// Every language's version of a generated page (none for a 404 page, whose address is no page), itself marked current: hreflang alternates and the switcher. They are
    /// site.yml's languages only, which the page already reads (config).
    /// </summary>
    public static IReadOnlyList<AlternateView> Alternates(GeneratedPage spec, ViewModelFactory views)
    {
        var languages = views.Config.AllLanguages;
        if (spec.IsNotFound || languages.Count < 2)
        {
            return [];
        }

        return languages.Select(l =>
        {
            var url = Translations.UrlIn(views.Other(l.Code.Value), spec.DefaultUrl);
            return new AlternateView(l.Code.Value, l.Name, l.Dir, url, views.AbsoluteUrl(url), Current: url == spec.Url);
        }).ToList();
    }

    private static PageView Plan(PageView view, ViewModelFactory views, Core.Caching.ReadSet reads, string? code)
    {
        var exercises = views.Exercises(reads, code);
        var items = exercises.Select(e => (e, p: views.Progressions(e.Id, reads)))
            .Select(x => new PlanItemView(x.e, string.Join(' ', x.p.Easier), string.Join(' ', x.p.Harder)))
            .ToList();
        return view with
        {
            Plan = items,
            Sheet = new SheetView(view.Title, view.CanonicalUrl, null, null, exercises),
        };
    }

    /// <summary>A filter's choices: each value once, in the order of the values (the same in every language), with its word.</summary>
    private static List<FilterOption> Options(IEnumerable<(string Id, string Title)> values) =>
        values.DistinctBy(v => v.Id).OrderBy(v => v.Id, StringComparer.Ordinal).Select(v => new FilterOption(v.Id, v.Title)).ToList();

    private static PageView Library(PageView view, IReadOnlyList<ExerciseView> exercises) => view with
    {
        Exercises = exercises,
        Filters = new FiltersView(
            Options(exercises.SelectMany(e => e.Targets.Zip(e.TargetTitles))),
            Options(exercises.SelectMany(e => e.Equipment.Zip(e.EquipmentTitles))),
            exercises.Select(e => e.Difficulty).OfType<string>().Distinct().OrderBy(d => Array.IndexOf(Levels, d)).ToList()),
    };
}
