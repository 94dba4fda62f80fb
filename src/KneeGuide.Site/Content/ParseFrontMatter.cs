using KneeGuide.Core;
using KneeGuide.Site.Diagnostics;

namespace KneeGuide.Site.Content;

/// <summary>
/// Reads and validates each Markdown source's front matter into its typed model and a
/// <see cref="ContentPage"/>. A page whose front matter is wrong stays in the pipeline marked as failed,
/// so links to it are not also reported as missing (one mistake, one error).
/// </summary>
/// <param name="showDrafts">The preview: drafts are published (marked as drafts on the page) so the editor can see them.</param>
public sealed class ParseFrontMatter(SourceCatalog catalog, bool showDrafts = false) : ParallelModule
{
    protected override Document? Execute(Document input, IDocumentContext context)
    {
        var source = input.Source!;
        var display = catalog.Display(source);
        var kind = catalog.KindOf(source);
        var diagnostics = new DiagnosticBag();
        var text = SourceText.Read(catalog.AbsolutePath(source), display, diagnostics);
        if (text is null)
        {
            // Unreadable, binary or not UTF-8 (reported): known as a page, so links to it are not also errors.
            context.Diagnostics.AddRange(diagnostics.Sorted());
            return input.With(ToPage(source, display, kind, null, failed: true, showDrafts, null)).WithContent(DocumentContent.Empty).WithDestination(null);
        }

        var translation = Translations.NameOf(source);
        (string Code, string Original, object Model)? translating = null;
        if (translation is { } named)
        {
            translating = Original(named.Code, named.Original, kind, display, context, diagnostics);
            if (translating is null)
            {
                context.Diagnostics.AddRange(diagnostics.Sorted());
                return input.With(ToPage(source, display, kind, null, failed: true, showDrafts, null)).WithContent(DocumentContent.Empty).WithDestination(null);
            }
        }

        var yaml = FrontMatterSplitter.Split(text, display, diagnostics);
        TranslationState? state = null;
        object? model = null;
        YamlBinder? binder = null;
        if (yaml is null)
        {
            diagnostics.Add(Diagnostic.Error(ErrorCodes.MissingKey, new SourceLocation(display, 1, 1), $"missing front matter: start the file with a '---' line, the keys ({RequiredKeys(kind)}) and another '---' line"));
        }
        else if (yaml.Length > 0 || !diagnostics.HasErrors)
        {
            var root = YamlText.Parse(yaml, display, 1, diagnostics);
            if (root is null && !diagnostics.HasErrors)
            {
                diagnostics.Add(Diagnostic.Error(ErrorCodes.MissingKey, new SourceLocation(display, 1, 1), $"the front matter is empty: it needs {RequiredKeys(kind)}"));
            }
            else if (root is not null)
            {
                binder = new YamlBinder(display, 1, diagnostics);
                if (translating is { } t)
                {
                    var words = root is YamlDotNet.RepresentationModel.YamlMappingNode map
                        ? Translations.WithoutOriginalKeys(map, ModelType(kind), Translations.ModelOf(kind), binder, t.Original, diagnostics)
                        : root;
                    var translated = binder.Bind(Translations.ModelOf(kind), words, "");
                    if (t.Model is ExerciseFrontMatter originalExercise && translated is ExerciseTranslationFrontMatter exerciseWords)
                    {
                        Translations.CheckDosage(originalExercise, exerciseWords, binder, display, diagnostics);
                    }

                    state = translated is null ? null : Translations.CheckStale(t.Model, translated, t.Original, binder, display, diagnostics);
                    model = translated is null ? null : Translations.Merge(t.Model, translated);
                }
                else
                {
                    model = binder.Bind(ModelType(kind), root, "");
                }
            }
        }

        if (translating is null && model is ExerciseFrontMatter exercise)
        {
            CheckDosage(exercise, binder!, display, diagnostics);
        }

        CheckAddresses(model, diagnostics);

        context.Diagnostics.AddRange(diagnostics.Sorted());
        var failed = diagnostics.HasErrors || model is null;
        var page = ToPage(source, display, kind, model, failed, showDrafts, binder?.Locations.GetValueOrDefault("reviewed"));
        if (translating is { } of)
        {
            page = page.As(of.Code, of.Original, state, binder?.Locations.GetValueOrDefault("reviewed"));
        }

        // The text goes on to RenderMarkdown, which releases it once the body is rendered.
        var document = input.With(page).WithContent(DocumentContent.FromText(text)).WithDestination(page.Published ? ContentPaths.DestinationOf(page.Url) : null);
        return model is null ? document : document.WithFacet(model);
    }

    /// <summary>
    /// A translation's language and original: the code must be a declared language other than the
    /// default, and the original must exist and parse (its own errors are reported at it, not here).
    /// </summary>
    private (string Code, string Original, object Model)? Original(string code, string original, ContentKind kind, string display, IDocumentContext context, DiagnosticBag diagnostics)
    {
        var inputs = context.GetService<SiteInputs>();
        var facts = context.GetService<SiteFacts>();
        context.Reads.Read(facts, SiteFacts.ConfigKey);
        var languages = inputs.Config.AllLanguages;
        var others = languages.Skip(1).Select(l => l.Code.Value).ToList();
        if (!others.Contains(code))
        {
            var declared = string.Join(", ", languages.Select(l => l.Code.Value));
            var why = code == languages[0].Code.Value
                ? $"'{code}' is the default language, whose pages have no code in their name: this is {original}'s own language"
                : $"'.{code}' in the file name looks like a language code, but '{code}' is not one of the site's languages ({declared}; languages: in site.yml)";
            diagnostics.Add(Diagnostic.Error(ErrorCodes.UndeclaredLanguage, new SourceLocation(display, 1, 1), $"{why}: declare it in site.yml's languages:, or rename the file"));
            return null;
        }

        context.Reads.Read(facts, SiteFacts.Source(original));
        if (!catalog.Contains(original))
        {
            diagnostics.Add(Diagnostic.Error(ErrorCodes.TranslationWithoutOriginal, new SourceLocation(display, 1, 1), $"this is a translation into '{code}' of {original}, which does not exist: a translation sits beside its original, with the same name and .{code} before .md"));
            return null;
        }

        // The original's own mistakes are reported at the original: here they only stop the translation.
        var quiet = new DiagnosticBag();
        var originalDisplay = catalog.Display(original);
        var text = SourceText.Read(catalog.AbsolutePath(original), originalDisplay, quiet);
        var yaml = text is null ? null : FrontMatterSplitter.Split(text, originalDisplay, quiet);
        var root = yaml is null ? null : YamlText.Parse(yaml, originalDisplay, 1, quiet);
        var model = root is null ? null : new YamlBinder(originalDisplay, 1, quiet).Bind(ModelType(kind), root, "");
        return model is null || quiet.HasErrors ? null : (code, original, model);
    }

    internal static Type ModelType(ContentKind kind) => kind switch
    {
        ContentKind.Article or ContentKind.Mobility => typeof(ArticleFrontMatter),
        ContentKind.Exercise => typeof(ExerciseFrontMatter),
        _ => typeof(PageFrontMatter),
    };

    private static string RequiredKeys(ContentKind kind) => kind switch
    {
        ContentKind.Article or ContentKind.Mobility => "title, description, date",
        ContentKind.Exercise => "title, summary, targets, dosage, steps",
        _ => "title",
    };

    /// <summary>What the dose's types cannot say: it needs reps or a hold, and a range of reps must make sense.</summary>
    private static void CheckDosage(ExerciseFrontMatter exercise, YamlBinder binder, string display, DiagnosticBag diagnostics)
    {
        var dosage = exercise.Dosage;
        var at = binder.Locations.GetValueOrDefault("dosage", new SourceLocation(display, 1, 1));
        if (dosage.Reps is null && dosage.HoldSeconds is null && !diagnostics.HasErrors)
        {
            diagnostics.Add(Diagnostic.Error(ErrorCodes.MissingKey, at, "'dosage' needs 'reps' (e.g. \"10-15\") or 'hold_seconds' (e.g. 30)"));
        }

        if (dosage.Reps is { } reps && RepsRange(reps) is var (low, high) && (low < 1 || high > Dosage.MaxReps || low > high))
        {
            var repsAt = binder.ValueLocations.GetValueOrDefault("dosage.reps", at);
            var why = low > high ? $"the range runs backwards: write \"{high}-{low}\"" : $"repetitions must be from 1 to {Dosage.MaxReps}";
            diagnostics.Add(Diagnostic.Error(ErrorCodes.OutOfRange, repsAt, $"'dosage.reps' is \"{reps}\", which makes no sense for a patient: {why}"));
        }
    }

    /// <summary>"10-15" -> (10, 15), "12" -> (12, 12); null when the text is not in that form (already reported).</summary>
    private static (int Low, int High)? RepsRange(string reps)
    {
        var parts = reps.Split('-', StringSplitOptions.TrimEntries);
        return parts.Length is 1 or 2 && int.TryParse(parts[0], out var low) && int.TryParse(parts[^1], out var high) ? (low, high) : null;
    }

    private static void CheckAddresses(object? model, DiagnosticBag diagnostics)
    {
        var (tags, redirects) = model switch
        {
            ArticleFrontMatter a => (a.Tags, a.RedirectFrom),
            ExerciseFrontMatter e => (e.Tags, []),
            PageFrontMatter p => ([], p.RedirectFrom),
            _ => ((IReadOnlyList<Located<string>>)[], (IReadOnlyList<Located<string>>)[]),
        };
        FrontMatterValueRules.CheckTags(tags, diagnostics);
        FrontMatterValueRules.CheckRedirects(redirects, diagnostics);

        // Every other name: run through the invisible-character check only (their existence is
        // checked once every page is known).
        var (exercises, mobility, image) = model switch
        {
            ArticleFrontMatter a => (a.Exercises, a.Mobility, a.Image),
            ExerciseFrontMatter e => ((IReadOnlyList<Located<string>>)[], e.Mobility, e.Image),
            PageFrontMatter p => ([], [], p.Image),
            _ => ((IReadOnlyList<Located<string>>)[], (IReadOnlyList<Located<string>>)[], null),
        };
        if (model is ExerciseFrontMatter progressions)
        {
            exercises = [.. progressions.Easier, .. progressions.Harder];
        }

        _ = FrontMatterValueRules.CheckInvisible(exercises, "exercise id", diagnostics).Count();
        _ = FrontMatterValueRules.CheckInvisible(mobility, "mobility slug", diagnostics).Count();
        _ = FrontMatterValueRules.CheckInvisible(image is null ? [] : [image], "image name", diagnostics).Count();
    }

    private static ContentPage ToPage(string source, string display, ContentKind kind, object? model, bool failed, bool showDrafts, SourceLocation? reviewedAt)
    {
        var draft = model switch
        {
            ArticleFrontMatter a => a.Draft,
            ExerciseFrontMatter e => e.Draft,
            PageFrontMatter p => p.Draft,
            _ => false,
        };
        var published = !failed && (!draft || showDrafts);
        var slug = ContentPaths.Slug(source);
        var url = ContentPaths.UrlOf(source);
        return model switch
        {
            ArticleFrontMatter a => new ContentPage
            {
                Source = source, Display = display, Kind = kind, Slug = slug, Url = url, Title = a.Title, Description = a.Description,
                Date = a.Date, Updated = a.Updated, Reviewed = a.Reviewed, ReviewedAt = reviewedAt, Tags = a.Tags, Exercises = a.Exercises, Mobility = a.Mobility,
                Image = a.Image, RedirectFrom = a.RedirectFrom, Draft = draft, Failed = failed, Published = published, LinkCheck = a.LinkCheck,
            },
            ExerciseFrontMatter e => new ContentPage
            {
                Source = source, Display = display, Kind = kind, Slug = slug, Url = url, Title = e.Title, Description = e.Summary, Updated = e.Updated,
                Tags = e.Tags, Mobility = e.Mobility, Image = e.Image, Draft = draft, Failed = failed, Published = published,
            },
            PageFrontMatter p => new ContentPage
            {
                Source = source, Display = display, Kind = kind, Slug = slug, Url = url, Title = p.Title, Description = p.Description, Updated = p.Updated,
                Image = p.Image, RedirectFrom = p.RedirectFrom, Draft = draft, Failed = failed, Published = published, LinkCheck = p.LinkCheck,
            },
            _ => new ContentPage { Source = source, Display = display, Kind = kind, Slug = slug, Url = url, Title = slug, Failed = true },
        };
    }
}
