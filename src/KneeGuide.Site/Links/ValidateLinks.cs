using KneeGuide.Core;
using KneeGuide.Site.Content;
using KneeGuide.Site.Diagnostics;

namespace KneeGuide.Site.Links;

/// <summary>Counts for the build summary.</summary>
public sealed record ValidationSummary(int Pages, int Links, int Anchors, int ExternalLinks);

/// <summary>
/// Output phase of the Validation pipeline: checks every link of every produced page against the
/// files the build actually produces and the ids actually present in each page. Each fault is
/// reported at the place it was written (Markdown line and column, or the template file).
/// </summary>
public sealed class ValidateLinks(params string[] pipelines) : IModule
{
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> _, IExecutionContext context)
    {
        var documents = pipelines.SelectMany(p => context.Outputs[p]).Where(d => d.Destination is not null).ToList();
        var index = context.Outputs[SitePipelineNames.SiteIndex][0].Require<SiteIndex>();
        var site = new ProducedSite(documents, index);
        var diagnostics = context.Diagnostics;
        var pages = documents.Select(d => d.Get<PageLinks>()).OfType<PageLinks>().ToList();
        var linkCount = 0;
        var anchorCount = 0;
        var externalCount = 0;
        Parallel.ForEach(pages, page =>
        {
            foreach (var (id, at) in page.DuplicateIds)
            {
                diagnostics.Add(Diagnostic.Error(ErrorCodes.DuplicateId, at, $"the id '{id}' appears more than once on {page.Url}; links to it would be ambiguous"));
            }

            foreach (var link in page.Links)
            {
                Interlocked.Increment(ref linkCount);
                var result = site.Check(page, link.Href);
                if (result.IsExternal)
                {
                    Interlocked.Increment(ref externalCount);
                }

                if (result.CheckedAnchor)
                {
                    Interlocked.Increment(ref anchorCount);
                }

                if (result.Problem is { } problem)
                {
                    diagnostics.Add(Diagnostic.Error(problem.Code, link.Location, problem.Message, problem.Suggestion));
                }
            }
        });

        var summary = new ValidationSummary(pages.Count, linkCount, anchorCount, externalCount);
        return Task.FromResult<IReadOnlyList<Document>>([new Document(null, null).With(summary)]);
    }
}
