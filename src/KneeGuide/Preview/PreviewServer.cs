using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using KneeGuide.Core;
using KneeGuide.Site;
using KneeGuide.Site.Cms;
using KneeGuide.Site.SiteFiles;

namespace KneeGuide.Cli.Preview;

/// <summary>
/// A small static file server for the preview folder, bound to 127.0.0.1 only. Besides the site it
/// serves three private URLs under /__kneeguide/: the live-reload script, a Server-Sent Events stream
/// that says "reload" or "errors" after each build, and the last build's status as JSON (the overlay).
/// The script is added to HTML responses here, so the built site itself never contains it. With the
/// web editor built, /admin/ is served under its own Content-Security-Policy, without the script (a
/// reload would throw the editor out of the form), and POST /api/v1 is its local backend
/// (<see cref="LocalBackend"/>), which takes only same-origin JSON.
/// </summary>
public sealed class PreviewServer : IAsyncDisposable
{
    public const string PrivatePrefix = "/__kneeguide/";
    private const string ScriptTag = "<script src=\"/__kneeguide/live.js\" defer></script>";
    private readonly HttpListener _listener = new();
    private readonly PreviewSite _site;
    private readonly LocalBackend? _backend;
    private readonly List<Channel<string>> _clients = [];
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    /// <param name="backend">The web editor's local backend; null to answer no POST.</param>
    public PreviewServer(PreviewSite site, int port, LocalBackend? backend = null)
    {
        _site = site;
        _backend = backend;
        Port = port;
        // Loopback names only: the listener binds the loopback address, and a request naming any other
        // host (DNS rebinding: evil.example resolving to 127.0.0.1) matches no prefix and is refused by
        // HttpListener itself. "localhost" is the name editors type.
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add($"http://localhost:{port}/");
        site.Built += result => Broadcast(result.Published ? "reload" : "errors");
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/";

    public void Start()
    {
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested || !_listener.IsListening)
            {
                return;
            }
            catch (HttpListenerException)
            {
                continue;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            response.Headers["X-Content-Type-Options"] = "nosniff";
            response.Headers["Cache-Control"] = "no-store";
            var method = context.Request.HttpMethod;
            var raw = context.Request.RawUrl ?? "";
            if (method == "POST" && raw == LocalBackend.Address && _backend is not null)
            {
                await HandleBackendAsync(context, _backend);
                return;
            }

            if (method is not ("GET" or "HEAD"))
            {
                await SendTextAsync(response, 405, "method not allowed");
                return;
            }

            var editor = IsEditorPath(raw);
            if (editor)
            {
                if (!string.Equals(context.Request.Url?.Host, "127.0.0.1", StringComparison.Ordinal))
                {
                    // The editor's local backend address is 127.0.0.1's: on localhost it would be another origin.
                    response.StatusCode = 302;
                    response.RedirectLocation = Url.TrimEnd('/') + raw;
                    response.Close();
                    return;
                }

                response.Headers["Content-Security-Policy"] = AdminPage.ContentSecurityPolicy;
            }

            if (raw.StartsWith(PrivatePrefix, StringComparison.Ordinal))
            {
                await HandlePrivateAsync(context, raw[PrivatePrefix.Length..].Split('?')[0]);
                return;
            }

            var target = PreviewPaths.Resolve(raw, _site.Root);
            if (target.Status == 404)
            {
                // The site may be being swapped in by a build right now: look again once it is done.
                await _site.WaitIdleAsync(_stop.Token);
                target = PreviewPaths.Resolve(raw, _site.Root);
            }

            switch (target.Status)
            {
                case 200:
                    await SendFileAsync(response, target.File!, 200, method == "HEAD", inject: !editor);
                    break;
                case 301:
                    response.StatusCode = 301;
                    response.RedirectLocation = target.Location;
                    response.Close();
                    break;
                case 404:
                    // The language's 404 page for an address under /es/, as Netlify serves it (_redirects).
                    if (NotFoundPages.FileFor(_site.Root, raw.Split('?', '#')[0]) is { } notFound)
                    {
                        await SendFileAsync(response, notFound, 404, method == "HEAD");
                    }
                    else
                    {
                        await SendTextAsync(response, 404, "not found");
                    }

                    break;
                default:
                    await SendTextAsync(response, 400, "bad request: this path is not part of the site");
                    break;
            }
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The browser went away mid-response, or the server is stopping.
            try
            {
                response.Abort();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    private async Task HandlePrivateAsync(HttpListenerContext context, string name)
    {
        var response = context.Response;
        switch (name)
        {
            case "live.js":
                response.ContentType = "text/javascript; charset=utf-8";
                await WriteAsync(response, 200, LiveReloadScript.Bytes);
                break;
            case "status":
                response.ContentType = "application/json; charset=utf-8";
                await WriteAsync(response, 200, StatusJson(_site.Last, _site.Version));
                break;
            case "events":
                await StreamEventsAsync(response);
                break;
            default:
                await SendTextAsync(response, 404, "not found");
                break;
        }
    }

    /// <summary>The last build's problems for the overlay: the same file:line:col text as the console.</summary>
    public static byte[] StatusJson(BuildResult? last, int version) =>
        JsonSerializer.SerializeToUtf8Bytes(new
        {
            ok = last?.Published ?? false,
            build = version,
            errors = (last?.Diagnostics ?? []).Where(d => !last!.Published || d.Severity == Severity.Error).Select(d => new
            {
                severity = d.SeverityName,
                code = d.Code,
                file = d.File,
                line = d.Line,
                column = d.Column,
                text = d.ToString(),
            }),
        });

    private async Task StreamEventsAsync(HttpListenerResponse response)
    {
        var channel = Channel.CreateUnbounded<string>();
        lock (_clients)
        {
            _clients.Add(channel);
        }

        try
        {
            response.ContentType = "text/event-stream; charset=utf-8";
            response.SendChunked = true;
            var output = response.OutputStream;
            await output.WriteAsync(Encoding.UTF8.GetBytes($"retry: 1000\nevent: hello\ndata: {_site.Version}\n\n"), _stop.Token);
            await output.FlushAsync(_stop.Token);
            while (!_stop.IsCancellationRequested)
            {
                using var keepAlive = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                keepAlive.CancelAfter(TimeSpan.FromSeconds(15));
                string message;
                try
                {
                    message = await channel.Reader.ReadAsync(keepAlive.Token);
                }
                catch (OperationCanceledException) when (!_stop.IsCancellationRequested)
                {
                    message = ": keep-alive\n\n";
                }

                await output.WriteAsync(Encoding.UTF8.GetBytes(message), _stop.Token);
                await output.FlushAsync(_stop.Token);
            }
        }
        finally
        {
            lock (_clients)
            {
                _clients.Remove(channel);
            }

            response.Abort();
        }
    }

    private void Broadcast(string eventName)
    {
        var message = $"event: {eventName}\ndata: {_site.Version}\n\n";
        lock (_clients)
        {
            foreach (var client in _clients)
            {
                client.Writer.TryWrite(message);
            }
        }
    }

    private static bool IsEditorPath(string raw) =>
        raw.Split('?')[0] is var path && (path == "/" + GenerateCmsFiles.Folder || path.StartsWith("/" + GenerateCmsFiles.Folder + "/", StringComparison.Ordinal));

    /// <summary>
    /// The local backend: a POST of JSON from this preview's own pages only. A page of another site
    /// cannot send JSON here without a preflight, which is never answered, and a request naming
    /// another origin is refused; so is anything before the editor has been built.
    /// </summary>
    private async Task HandleBackendAsync(HttpListenerContext context, LocalBackend backend)
    {
        var request = context.Request;
        var response = context.Response;
        var origin = request.Headers["Origin"];
        if (origin is not null && origin != Url.TrimEnd('/'))
        {
            await SendTextAsync(response, 403, "the web editor's backend answers only the preview's own pages");
            return;
        }

        if (request.ContentType?.Split(';')[0].Trim() != "application/json")
        {
            await SendTextAsync(response, 415, "the web editor's backend takes JSON only");
            return;
        }

        if (!File.Exists(Path.Combine(_site.Root, GenerateCmsFiles.Folder, "config.yml")))
        {
            await SendTextAsync(response, 404, "the web editor is not part of this site (site.yml has no 'cms:', or its files are not installed)");
            return;
        }

        if (request.ContentLength64 > LocalBackend.MaxRequestBytes)
        {
            await SendTextAsync(response, 413, "request too large");
            return;
        }

        using var body = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await request.InputStream.ReadAsync(buffer, _stop.Token)) > 0)
        {
            body.Write(buffer, 0, read);
            if (body.Length > LocalBackend.MaxRequestBytes)
            {
                await SendTextAsync(response, 413, "request too large");
                return;
            }
        }

        var (status, json) = backend.Handle(body.GetBuffer().AsSpan(0, (int)body.Length));
        response.ContentType = "application/json; charset=utf-8";
        await WriteAsync(response, status, json);
    }

    private static async Task SendFileAsync(HttpListenerResponse response, string file, int status, bool headOnly, bool inject = true)
    {
        var bytes = await File.ReadAllBytesAsync(file);
        var type = ContentTypes.Of(file);
        if (inject && type.StartsWith("text/html", StringComparison.Ordinal))
        {
            bytes = InjectScript(bytes);
        }

        response.ContentType = type;
        await WriteAsync(response, status, headOnly ? [] : bytes, headOnly ? bytes.Length : null);
    }

    /// <summary>Adds the live-reload script tag before &lt;/body&gt; (or at the end when there is none).</summary>
    public static byte[] InjectScript(byte[] html)
    {
        var text = Encoding.UTF8.GetString(html);
        var at = text.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        text = at < 0 ? text + ScriptTag : text.Insert(at, ScriptTag);
        return Encoding.UTF8.GetBytes(text);
    }

    private static Task SendTextAsync(HttpListenerResponse response, int status, string text)
    {
        response.ContentType = "text/plain; charset=utf-8";
        return WriteAsync(response, status, Encoding.UTF8.GetBytes(text + "\n"));
    }

    private static async Task WriteAsync(HttpListenerResponse response, int status, byte[] body, long? length = null)
    {
        response.StatusCode = status;
        response.ContentLength64 = length ?? body.Length;
        await response.OutputStream.WriteAsync(body);
        response.Close();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Close();
        if (_loop is not null)
        {
            await _loop;
        }

        _stop.Dispose();
    }
}
