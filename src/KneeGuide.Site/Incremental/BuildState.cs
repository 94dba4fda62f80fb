using KneeGuide.Core;
using KneeGuide.Site.Content;
using KneeGuide.Site.ReviewGovernance;
using KneeGuide.Site.Templates;

namespace KneeGuide.Site.Incremental;

/// <summary>
/// What one full build leaves in memory for the preview: its inputs and services, every pipeline's
/// documents (content pages after PostProcess, with their facets), its diagnostics, and whether it
/// was published.
/// </summary>
public sealed record BuildState(
    BuildOptions Options,
    SiteInputs Inputs,
    ThemeTemplates Theme,
    ReviewPolicy Review,
    TemplateLinkLocator Locator,
    IPipelineOutputs Outputs,
    IReadOnlyList<Diagnostic> Diagnostics,
    bool Published,
    bool ChecksExternalLinks);
