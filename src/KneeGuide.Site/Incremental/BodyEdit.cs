using KneeGuide.Core;
using KneeGuide.Site.Content;
using KneeGuide.Site.Links;
using KneeGuide.Site.Markdown;
using KneeGuide.Site.ReviewGovernance;
using KneeGuide.Site.SiteFiles;
using KneeGuide.Site.Templates;

namespace KneeGuide.Site.Incremental;

/// <summary>What a fast rebuild did: the re-rendered page, the pages whose links were checked again, the new diagnostics.</summary>
public sealed record BodyEditResult(string Source, string Destination, IReadOnlyList<string> Rechecked, IReadOnlyList<Diagnostic> Diagnostics, bool Failed);

/// <summary>
/// The fast path of the preview: a save of one Markdown page whose front matter is byte for byte
/// the same and whose body still places the same exercise cards and the same (credited) images.
/// Such an edit changes nothing any other page shows, so only this page is parsed, rendered and
/// link-checked again, with the links of the pages that point at its anchors, and its terms in the
/// search index are updated. Everything else
/// (front matter, new/removed/renamed files, theme, site.yml, credits, images) needs a full build:
/// <see cref="TryApplyAsync"/> then returns null with the reason, before changing anything.
/// </summary>
public sealed class BodyEdit(LiveSite live)
{
    /// <summary>Why the last call returned null (for the console).</summary>
    public string? Declined { get; private set; }

    public async Task<BodyEditResult?> TryApplyAsync(string absolutePath)
    {
        var state = live.State;
        var catalog = state.Inputs.Catalog;
        var source = Path.GetRelativePath(catalog.InputRoot, Path.GetFullPath(absolutePath)).Replace('\\', '/');
        if (!catalog.Contains(source) || !File.Exists(absolutePath))
        {
            return Decline("a file was added, removed or renamed");
        }

        if (catalog.KindOf(source) is not (ContentKind.Article or ContentKind.Mobility or ContentKind.Exercise or ContentKind.Home or ContentKind.Page)
            || !live.Indexed.TryGetValue(source, out var old) || old.Get<FrontMatterText>() is not { } oldYaml)
        {
            return Decline("not a Markdown page");
        }

        if (!live.OutputInSync)
        {
            return Decline("the last full build failed");
        }

        var oldPage = old.Require<ContentPage>();
        if (!oldPage.Published || old.Destination is null || !live.Pages.ContainsKey("/" + old.Destination))
        {
            return Decline("the page is a draft or had front matter errors");
        }

        if (live.OtherDiagnostics.Any(d => d.File is { } f && f.StartsWith(state.Theme.DisplayRoot + "/", StringComparison.Ordinal)))
        {
            return Decline("the theme has errors");
        }

        var diagnostics = new DiagnosticBag();
        var display = catalog.Display(source);
        var text = SourceText.Read(absolutePath, display, diagnostics);
        if (text is null || diagnostics.Count > 0)
        {
            return Decline("the file could not be read");
        }

        var yaml = FrontMatterSplitter.Split(text, display, new DiagnosticBag());
        if (yaml != oldYaml.Yaml)
        {
            return Decline("the front matter changed");
        }

        var services = new ServiceRegistry()
            .Add(state.Inputs)
            .Add(state.Theme)
            .Add(new MarkdownRenderer(live.Markdown, live.InlineMarkdown, catalog, diagnostics))
            .Add(new PageRendererFactory(state.Inputs, state.Theme))
            .Add(state.Review)
            .Add(state.Locator);
        var process = new SinglePageContext(source, Phase.Process, live.Index, services, diagnostics);
        Document? doc = new(source, null, DocumentContent.FromText(text));
        foreach (var module in new IModule[] { new ParseFrontMatter(catalog), new CheckReviewDates(), new RenderMarkdown(), new CollectSearchTerms(new SearchTermPool()) })
        {
            doc = doc is null ? null : await process.RunAsync(module, doc);
        }

        if (doc?.Get<ContentPage>() is not { Published: true } || doc.Destination != old.Destination)
        {
            return Decline("the page is no longer published");
        }

        // Links to missing files are reported by the site index, with the redirects of every page.
        var owners = live.Index.Redirects.Where(r => live.Index.ByUrl.ContainsKey(r.Value)).ToDictionary(r => r.Key, r => live.Index.ByUrl[r.Value].Source!, StringComparer.Ordinal);
        var missing = new MissingLinkReport(catalog, owners);
        foreach (var link in (doc.Get<RenderedMarkdown>()?.MissingTargets ?? []).Concat(doc.Get<RenderedSteps>()?.MissingTargets ?? []))
        {
            diagnostics.Add(missing.Describe(link));
        }

        if (IndexFacts.Of(doc, state.Inputs) is not { } facts || facts != IndexFacts.Of(old, state.Inputs))
        {
            return Decline("the body's exercise cards or images changed");
        }

        var index = SiteIndexPatch.Replace(live.Index, old, doc);
        var postProcess = new SinglePageContext(source, Phase.PostProcess, index, services, diagnostics);
        var produced = await postProcess.RunAsync(new RenderPages(), doc);
        if (produced?.Get<PageLinks>() is not { } links || diagnostics.Sorted().Any(d => d.File != display))
        {
            return Decline("the theme reported an error for this page");
        }

        if (SearchIndexPatch.Changes(live.SearchFiles, live.SearchUrls, old, doc) is not { } search)
        {
            return Decline("the page is missing from the search index");
        }

        // Nothing was changed before this point; from here the state follows the edit.
        var path = "/" + produced.Destination;
        var bodyFirstLine = 3 + yaml.Count(c => c == '\n');
        live.OtherDiagnostics = live.OtherDiagnostics
            .Where(d => d.File != display || d.Line < bodyFirstLine)
            .Concat(diagnostics.Sorted())
            .ToList();
        live.Index = index;
        live.Indexed[source] = doc;
        live.Pages[path] = produced;
        live.Site.ReplacePage(path, links);

        var check = new PageLinkCheck(live.Site, state.Inputs.Config.LinkCheckIgnore, state.Locator);
        live.Validation[path] = check.Check(produced, links);
        var referrers = live.Anchors.LinkingTo(path).ToHashSet(StringComparer.Ordinal);
        if (search.Added.Count > 0 || search.Removed.Count > 0)
        {
            // A search shard that appears or disappears changes the set of produced files: it can
            // mend or break a link to it, or change a broken link's suggestion. The pages with faults,
            // and those with a link that could name a .json file, are checked again.
            foreach (var added in search.Added)
            {
                live.Site.AddFile("/" + added);
            }

            foreach (var removed in search.Removed)
            {
                live.Site.RemoveFile("/" + removed);
            }

            referrers.UnionWith(live.Validation.Where(v => v.Key != path && (v.Value.Faults.Count > 0 || v.Value.TemplateFaults.Count > 0)).Select(v => v.Key));
            referrers.UnionWith(live.Pages.Where(p => p.Key != path && p.Value.Require<PageLinks>().Links.Any(MayNameJson)).Select(p => p.Key));
        }

        foreach (var referrer in referrers)
        {
            var page = live.Pages[referrer];
            live.Validation[referrer] = check.Check(page, page.Require<PageLinks>());
        }

        live.Anchors.Update(live.Site, path, links);
        live.Unpublished[produced.Destination!] = produced.Content.ReadText();
        foreach (var (destination, json) in search.Files)
        {
            if (json is null)
            {
                live.SearchFiles.Remove(destination);
            }
            else
            {
                live.SearchFiles[destination] = json;
            }

            live.Unpublished[destination] = json;
        }

        var all = live.Diagnostics();
        return new BodyEditResult(source, produced.Destination!, referrers.Order(StringComparer.Ordinal).ToList(), all, SiteBuilder.Fails(all, state.Options.Strict));
    }

    private static bool MayNameJson(LinkReference link) =>
        link.Href.Contains("json", StringComparison.OrdinalIgnoreCase) || link.Href.Contains('%');

    private BodyEditResult? Decline(string reason)
    {
        Declined = reason;
        return null;
    }
}
