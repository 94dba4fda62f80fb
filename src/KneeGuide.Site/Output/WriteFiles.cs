using KneeGuide.Core;

namespace KneeGuide.Site.Output;

/// <summary>
/// Writes each document that has a destination into the staging folder and releases its content
/// (a pooled page buffer goes back to its pool): from here the document only says what was written,
/// by hash. A file the staging folder already holds with the same content is not written again.
/// The content pipelines run it right after RenderPages, in the same cached chain, so a page's HTML
/// is written as soon as it is rendered and the site's HTML is never all in memory at once; it also
/// records the written file as a fact, so a cached page is reused only while its file is at hand.
/// </summary>
public sealed class WriteFiles : ParallelModule
{
    protected override Document? Execute(Document input, IDocumentContext context)
    {
        if (input.Destination is null || input.Content is WrittenContent)
        {
            return input;
        }

        // A build that already has errors publishes nothing: don't spend time writing it, and make
        // sure the cache does not remember this page as written.
        if (context.BuildDiagnostics.HasErrors)
        {
            return Release(input, DocumentContent.NotWritten);
        }

        // Two documents at one address is an error (CheckOutputPaths reports it); only the first is
        // written, so two writers never race on one file.
        var staging = context.GetService<OutputStaging>();
        if (!staging.TryClaim(input.Destination))
        {
            return Release(input, DocumentContent.NotWritten);
        }

        var hash = input.Content.Hash();
        if (input.Content is ReusedContent)
        {
            // A whole-site file its module did not make again (CacheAggregate checked it is at hand).
            if (!staging.Reuse(input.Destination, hash))
            {
                throw new InvalidOperationException($"The earlier output's {input.Destination} was to be reused but is gone.");
            }

            return input.WithContent(DocumentContent.Written(hash));
        }

        staging.Write(input.Destination, input.Content, hash);
        context.Reads.Add(SiteFacts.Output(input.Destination), hash);
        return Release(input, DocumentContent.Written(hash));
    }

    private static Document Release(Document input, DocumentContent replacement)
    {
        (input.Content as IDisposable)?.Dispose();
        return input.WithContent(replacement);
    }
}
