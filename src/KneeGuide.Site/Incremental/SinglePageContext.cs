using KneeGuide.Core;
using KneeGuide.Site.Content;

namespace KneeGuide.Site.Incremental;

/// <summary>
/// The execution context for running the build's own per-page modules (ParseFrontMatter,
/// RenderMarkdown, RenderPages...) on one page outside the engine, with the site index of the last
/// build and a diagnostic bag of its own.
/// </summary>
internal sealed class SinglePageContext(string pipelineName, Phase phase, SiteIndex index, ServiceRegistry services, DiagnosticBag diagnostics) : IExecutionContext, IPipelineOutputs
{
    private readonly IReadOnlyList<Document> _index = [new Document(null, null).With(index)];

    public string PipelineName => pipelineName;

    public Phase Phase => phase;

    public DiagnosticBag Diagnostics => diagnostics;

    public IPipelineOutputs Outputs => this;

    public CancellationToken CancellationToken => CancellationToken.None;

    public IEnumerable<string> PipelineNames => [SitePipelineNames.SiteIndex];

    public IReadOnlyList<Document> this[string pipelineName] => pipelineName == SitePipelineNames.SiteIndex ? _index : [];

    public T GetService<T>() where T : class => services.Get<T>();

    public async Task<Document?> RunAsync(IModule module, Document document)
    {
        var result = await module.ExecuteAsync([document], this);
        return result.Count == 1 ? result[0] : null;
    }
}
