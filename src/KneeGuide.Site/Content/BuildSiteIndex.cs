using KneeGuide.Core;
using KneeGuide.Core.Caching;
using KneeGuide.Site.Diagnostics;
using KneeGuide.Site.Links;
using KneeGuide.Site.Markdown;

namespace KneeGuide.Site.Content;

/// <summary>
/// Process phase of the "SiteIndex" pipeline: gathers every parsed page into a <see cref="SiteIndex"/>
/// and checks the references between them: exercise ids, mobility slugs, images and their credits,
/// duplicate URLs and redirect sources.
/// </summary>
public sealed class BuildSiteIndex(SiteInputs inputs, params string[] contentPipelines) : IModule
{
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> _, IExecutionContext context)
    {
        var diagnostics = context.Diagnostics;
        var media = context.GetService<Media.MediaLibrary>();
        var all = contentPipelines.SelectMany(p => context.Outputs[p]).OrderBy(d => d.Source, StringComparer.Ordinal).ToList();
        var pages = all.Select(d => d.Require<ContentPage>()).ToList();

        var byUrl = new SortedDictionary<string, Document>(StringComparer.Ordinal);
        foreach (var doc in all)
        {
            var page = doc.Require<ContentPage>();
            if (byUrl.TryGetValue(page.Url, out var other))
            {
                diagnostics.Add(Diagnostic.Error(ErrorCodes.DuplicateSlug, new SourceLocation(page.Display, 1, 1), $"'{page.Source}' is published at {page.Url}, like '{other.Require<ContentPage>().Source}': rename one of them"));
                continue;
            }

            byUrl[page.Url] = doc;
        }

        var exerciseIds = pages.Where(p => p.Kind == ContentKind.Exercise).Select(p => p.Slug).ToHashSet(StringComparer.Ordinal);
        var unpublishedExercises = pages.Where(p => p.Kind == ContentKind.Exercise && p.Draft && !p.Published).Select(p => p.Slug).ToHashSet(StringComparer.Ordinal);
        var mobilitySlugs = pages.Where(p => p.Kind == ContentKind.Mobility).Select(p => p.Slug).ToHashSet(StringComparer.Ordinal);
        var usedImages = new SortedDictionary<string, SourceLocation>(StringComparer.Ordinal);
        var redirects = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var redirectSources = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);

        foreach (var doc in all)
        {
            var page = doc.Require<ContentPage>();
            if (page.Failed)
            {
                continue;
            }

            foreach (var id in page.Exercises.Where(e => !exerciseIds.Contains(e.Value)))
            {
                diagnostics.Add(Diagnostic.Error(ErrorCodes.UnknownExercise, id.Location, $"unknown exercise id '{id.Value}': there is no exercises/{id.Value}.md", Suggestions.Closest(id.Value, exerciseIds)));
            }


            if (doc.Get<ExerciseFrontMatter>() is { } exercise)
            {
                CheckProgressions(page, exercise, exerciseIds, unpublishedExercises, diagnostics);
            }

            foreach (var slug in page.Mobility.Where(m => !mobilitySlugs.Contains(m.Value)))
            {
                diagnostics.Add(Diagnostic.Error(ErrorCodes.UnknownMobility, slug.Location, $"unknown mobility slug '{slug.Value}': there is no mobility/{slug.Value}.md", Suggestions.Closest(slug.Value, mobilitySlugs)));
            }

            if (!page.Published)
            {
                continue;
            }

            var inline = doc.Get<BodyFacts>()?.InlineCards ?? [];
            foreach (var id in page.Exercises.Where(e => inline.Contains(e.Value)))
            {
                diagnostics.Add(Diagnostic.Warning(ErrorCodes.ExerciseListedTwice, id.Location, $"'{id.Value}' is also placed as a card in the text ([...](../exercises/{id.Value}.md \"card\")), so it is listed once, there, and not again at the end: remove it from exercises:"));
            }

            foreach (var id in page.Exercises.Where(e => unpublishedExercises.Contains(e.Value)))
            {
                diagnostics.Add(Diagnostic.Error(ErrorCodes.LinkToDraft, id.Location, $"the exercise '{id.Value}' is a draft (draft: true in exercises/{id.Value}.md), so its card would be missing: publish the exercise or take it off this page"));
            }

            if (page.Image is { } image && CheckImage(image.Value, image.Location, diagnostics))
            {
                usedImages.TryAdd(image.Value, image.Location);
            }

            if (doc.Get<ExerciseFrontMatter>()?.Video is { } video)
            {
                CheckExerciseVideo(video, media, diagnostics);
            }

            foreach (var use in doc.Get<BodyFacts>()?.Images ?? [])
            {
                // A raw HTML image that does not exist is reported once, by link validation, not also as uncredited.
                if (inputs.Catalog.Contains("images/" + use.File) && CheckCredit(use.File, use.At, diagnostics))
                {
                    usedImages.TryAdd(use.File, use.At);
                }
            }

            foreach (var from in page.RedirectFrom)
            {
                var path = NormalizeRedirect(from.Value);
                if (redirectSources.TryGetValue(path, out var first))
                {
                    diagnostics.Add(Diagnostic.Error(ErrorCodes.DuplicateRedirect, from.Location, $"redirect source '{from.Value}' is already used at {first}"));
                }
                else if (byUrl.ContainsKey(path))
                {
                    diagnostics.Add(Diagnostic.Error(ErrorCodes.DuplicateRedirect, from.Location, $"redirect source '{from.Value}' is the address of an existing page; a redirect there would hide it"));
                }
                else
                {
                    redirectSources[path] = from.Location;
                    redirects[path] = page.Url;
                }
            }
        }

        // Links to files that do not exist, now that every page's redirect_from is known.
        var redirectOwners = redirects.ToDictionary(r => r.Key, r => byUrl[r.Value].Source!, StringComparer.Ordinal);
        var missing = new MissingLinkReport(inputs.Catalog, redirectOwners);
        foreach (var doc in all.Where(d => !d.Require<ContentPage>().Failed))
        {
            foreach (var link in doc.Get<BodyFacts>()?.MissingTargets ?? [])
            {
                diagnostics.Add(missing.Describe(link));
            }
        }

        var everyLanguage = all.Where(d => d.Require<ContentPage>().Published && byUrl.GetValueOrDefault(d.Require<ContentPage>().Url) == d).ToList();
        // Translations are published, but listed only as their original's alternates: the default
        // language's lists (library, sections, tags, related, search) hold originals only.
        var published = everyLanguage.Where(d => !d.Require<ContentPage>().IsTranslation).ToList();
        var index = new SiteIndex
        {
            Documents = all,
            BySource = all.ToDictionary(d => d.Source!, StringComparer.Ordinal),
            ByUrl = everyLanguage.ToDictionary(d => d.Require<ContentPage>().Url, StringComparer.Ordinal),
            Translations = everyLanguage.Where(d => d.Require<ContentPage>().IsTranslation)
                .ToDictionary(d => SiteIndex.TranslationKey(d.Require<ContentPage>().Language!, d.Require<ContentPage>().OriginalSource!), StringComparer.Ordinal),
            Exercises = published.Where(d => d.Require<ContentPage>().Kind == ContentKind.Exercise).ToDictionary(d => d.Require<ContentPage>().Slug, StringComparer.Ordinal),
            MobilityPages = published.Where(d => d.Require<ContentPage>().Kind == ContentKind.Mobility).ToDictionary(d => d.Require<ContentPage>().Slug, StringComparer.Ordinal),
            Articles = SiteIndex.Sorted(published.Where(d => d.Require<ContentPage>().Kind == ContentKind.Article)),
            Tags = Group(published, p => p.Tags.Select(t => t.Value)),
            ExerciseUsedBy = Group(published.Where(d => d.Require<ContentPage>().Kind != ContentKind.Exercise), p => p.Exercises.Select(e => e.Value), d => d.Get<BodyFacts>()?.InlineCards ?? []),
            MobilityLinkedFrom = Group(published, p => p.Mobility.Select(m => m.Value)),
            DraftUrls = pages.Where(p => p.Draft && !p.Published).Select(p => p.Url).ToHashSet(StringComparer.Ordinal),
            FailedUrls = pages.Where(p => p.Failed).Select(p => p.Url).ToHashSet(StringComparer.Ordinal),
            Redirects = redirects,
            UsedImages = usedImages,
            Progressions = Progressions(published),
        };
        CheckVocabularyTitles(index.Exercises.Values.Select(d => d.Require<ExerciseFrontMatter>()).ToList(), diagnostics);
        // The views of this index answer what pages read of each other: every cached page's check in
        // the PostProcess phase asks them.
        var facts = context.GetService<SiteFacts>();
        facts.Attach(new Templates.ViewModelFactory(inputs, index, media, facts.Theme.Strings), ViewEpoch(all, media, facts.Theme.Hash), context.GetService<BuildCache>());
        return Task.FromResult<IReadOnlyList<Document>>([new Document(null, null).With(index)]);

        bool CheckImage(string file, SourceLocation at, DiagnosticBag bag)
        {
            if (!inputs.Catalog.Contains("images/" + file))
            {
                var images = inputs.Catalog.FilesOf(ContentKind.Image).Select(f => f["images/".Length..]);
                bag.Add(Diagnostic.Error(ErrorCodes.MissingImage, at, $"image '{file}' does not exist in images/", Suggestions.Closest(file, images)));
                return false;
            }

            return CheckCredit(file, at, bag);
        }
    }

    /// <summary>
    /// A hash of everything the views read of pages (see <see cref="SiteFacts.Attach"/>): each page's
    /// facts as the cache hashed them (not its rendered body), the credits and the image files.
    /// </summary>
    /// <param name="theme">The theme's hash: views hold its words (a dose, a breadcrumb) as site.yml's (tag titles, a language's nav).</param>
    private UInt128 ViewEpoch(IReadOnlyList<Document> all, Media.MediaLibrary media, UInt128 theme)
    {
        Type[] read = [typeof(ContentPage), typeof(BodyFacts), typeof(RenderedSteps), typeof(ArticleFrontMatter), typeof(ExerciseFrontMatter), typeof(PageFrontMatter)];
        var hash = new ContentHash.Builder().Add(theme).Add(inputs.ConfigHash);
        foreach (var doc in all)
        {
            hash.Add(doc.Source);
            var known = doc.Get<FacetHashes>();
            foreach (var type in read)
            {
                // A page that went through the cache has its facets' hashes; one that did not has an
                // epoch no earlier build had.
                hash.Add(known?.Of(type) ?? (doc.Has(type) ? ContentHash.Of(Guid.NewGuid().ToString()) : 0));
            }
        }

        foreach (var (file, credit) in inputs.Credits)
        {
            hash.Add(file).Add(credit.Title).Add(credit.Author).Add(credit.Source).Add(credit.License).Add(credit.LicenseUrl);
        }

        foreach (var (file, credit) in inputs.VideoCredits)
        {
            hash.Add(file).Add(credit.Title).Add(credit.Author).Add(credit.Source).Add(credit.License).Add(credit.LicenseUrl);
        }

        foreach (var image in media.Images.Values)
        {
            hash.Add(Media.MediaFacts.Hash(image));
        }

        foreach (var video in media.Videos.Values)
        {
            hash.Add(Media.MediaFacts.Hash(video));
        }

        return hash.AddAll(inputs.Catalog.FilesOf(ContentKind.Image)).Finish();
    }

    /// <summary>
    /// easier: and harder: name other exercises, like exercises: does: each must exist and be
    /// published, and an exercise can be neither a variation of itself nor both easier and harder.
    /// </summary>
    /// <summary>
    /// Every language but the first has a word for each target and piece of equipment the published
    /// exercises use (site.yml's languages: targets: and equipment:): a Spanish card saying "Trabaja:
    /// glutes" would be half a translation, an error as a missing site word is (KG1101). One message
    /// per language and list, naming every value it lacks, at the language's line.
    /// </summary>
    private void CheckVocabularyTitles(IReadOnlyList<ExerciseFrontMatter> exercises, DiagnosticBag diagnostics)
    {
        var config = inputs.Config;
        foreach (var language in config.Languages.Skip(1))
        {
            var lists = new (string Key, IEnumerable<string> Used, IReadOnlyDictionary<string, string> Titles)[]
            {
                ("targets", exercises.SelectMany(e => e.Targets), language.Targets),
                ("equipment", exercises.SelectMany(e => e.Equipment), language.Equipment),
            };
            foreach (var (key, used, titles) in lists)
            {
                var missing = used.Where(v => v.Length > 0 && !(titles.TryGetValue(v, out var t) && t.Length > 0)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                if (missing.Count > 0)
                {
                    var code = language.Code.Value;
                    diagnostics.Add(Diagnostic.Error(ErrorCodes.MissingKey, language.Code.Location,
                        $"the language '{code}' has no '{key}' title for {string.Join(", ", missing.Select(m => $"'{m}'"))}, so its exercises would show {(missing.Count == 1 ? "it" : "them")} in the default language's words: add {key}: {{ {string.Join(", ", missing.Select(m => m + ": ..."))} }} in that language under '- code: {code}' in languages"));
                }
            }
        }
    }

    private static void CheckProgressions(ContentPage page, ExerciseFrontMatter exercise, IReadOnlySet<string> exerciseIds, IReadOnlySet<string> unpublished, DiagnosticBag diagnostics)
    {
        foreach (var (key, ids) in new[] { ("easier", exercise.Easier), ("harder", exercise.Harder) })
        {
            foreach (var id in ids)
            {
                if (id.Value == page.Slug)
                {
                    diagnostics.Add(Diagnostic.Error(ErrorCodes.InvalidValue, id.Location, $"'{id.Value}' in {key}: is this exercise itself: list other exercises, or remove it"));
                }
                else if (!exerciseIds.Contains(id.Value))
                {
                    diagnostics.Add(Diagnostic.Error(ErrorCodes.UnknownExercise, id.Location, $"unknown exercise id '{id.Value}' in {key}: there is no exercises/{id.Value}.md", Suggestions.Closest(id.Value, exerciseIds.Where(e => e != page.Slug))));
                }
                else if (page.Published && unpublished.Contains(id.Value))
                {
                    diagnostics.Add(Diagnostic.Error(ErrorCodes.LinkToDraft, id.Location, $"the exercise '{id.Value}' in {key}: is a draft (draft: true in exercises/{id.Value}.md), so the link to it would be missing: publish it or take it out of {key}:"));
                }
            }
        }

        var harder = exercise.Harder.Select(h => h.Value).ToHashSet(StringComparer.Ordinal);
        foreach (var id in exercise.Easier.Where(e => harder.Contains(e.Value) && e.Value != page.Slug))
        {
            diagnostics.Add(Diagnostic.Error(ErrorCodes.InvalidValue, id.Location, $"'{id.Value}' is in both easier: and harder:: keep it in the one that is true"));
        }
    }

    /// <summary>
    /// Each published exercise's easier and harder variations, both ways: what it lists itself, then
    /// the exercises that list it the other way round (A harder: [B] makes A easier than B), in id order.
    /// </summary>
    private static IReadOnlyDictionary<string, Progression> Progressions(IReadOnlyList<Document> published)
    {
        var exercises = published
            .Where(d => d.Require<ContentPage>().Kind == ContentKind.Exercise && d.Get<ExerciseFrontMatter>() is not null)
            .OrderBy(d => d.Require<ContentPage>().Slug, StringComparer.Ordinal)
            .ToDictionary(d => d.Require<ContentPage>().Slug, d => d.Require<ExerciseFrontMatter>(), StringComparer.Ordinal);
        var result = new SortedDictionary<string, Progression>(StringComparer.Ordinal);
        foreach (var (id, fm) in exercises)
        {
            var easier = fm.Easier.Select(e => e.Value)
                .Concat(exercises.Where(o => o.Value.Harder.Any(h => h.Value == id)).Select(o => o.Key));
            var harder = fm.Harder.Select(h => h.Value)
                .Concat(exercises.Where(o => o.Value.Easier.Any(e => e.Value == id)).Select(o => o.Key));
            var p = new Progression(Known(easier), Known(harder));
            if (p.Easier.Count + p.Harder.Count > 0)
            {
                result[id] = p;
            }

            IReadOnlyList<string> Known(IEnumerable<string> ids) => ids.Where(i => i != id && exercises.ContainsKey(i)).Distinct(StringComparer.Ordinal).ToList();
        }

        return result;
    }

    /// <summary>An exercise's <c>video:</c>: a YouTube or Vimeo address that names a video, or a clip in videos/ that may be shown.</summary>
    private void CheckExerciseVideo(Located<string> video, Media.MediaLibrary media, DiagnosticBag diagnostics)
    {
        if (UrlClassifier.Classify(video.Value) == UrlKind.External)
        {
            if (Media.OnlineVideo.Parse(video.Value, out var problem) is null)
            {
                diagnostics.Add(Diagnostic.Error(ErrorCodes.BadVideoAddress, video.Location, $"'video: {video.Value}' {problem}"));
            }

            return;
        }

        if (video.Value.Contains('/'))
        {
            diagnostics.Add(Diagnostic.Error(ErrorCodes.InvalidValue, video.Location, $"'video' takes a clip's file name in videos/ (like heel-raise-demo.mp4) or a YouTube or Vimeo address, not the path '{video.Value}'", Path.GetFileName(video.Value)));
            return;
        }

        Media.VideoChecks.Check(video.Value, video.Location, media, inputs, diagnostics);
    }

    private bool CheckCredit(string file, SourceLocation at, DiagnosticBag diagnostics)
    {
        if (inputs.Credits.ContainsKey(file))
        {
            return true;
        }

        diagnostics.Add(Diagnostic.Error(ErrorCodes.MissingCredit, at, $"image '{file}' has no credit record: add '{file}:' with author and license to images/credits.yml"));
        return false;
    }

    private static string NormalizeRedirect(string path)
    {
        var p = path.StartsWith('/') ? path : "/" + path;
        return p.EndsWith('/') || Path.HasExtension(p) ? p : p + "/";
    }

    private static IReadOnlyDictionary<string, IReadOnlyList<Document>> Group(
        IEnumerable<Document> documents,
        Func<ContentPage, IEnumerable<string>> keys,
        Func<Document, IEnumerable<string>>? moreKeys = null)
    {
        var groups = new SortedDictionary<string, List<Document>>(StringComparer.Ordinal);
        foreach (var doc in documents)
        {
            var all = keys(doc.Require<ContentPage>()).Concat(moreKeys?.Invoke(doc) ?? []).Distinct(StringComparer.Ordinal);
            foreach (var key in all)
            {
                if (!groups.TryGetValue(key, out var list))
                {
                    groups[key] = list = [];
                }

                list.Add(doc);
            }
        }

        return groups.ToDictionary(g => g.Key, g => SiteIndex.Sorted(g.Value), StringComparer.Ordinal);
    }
}
