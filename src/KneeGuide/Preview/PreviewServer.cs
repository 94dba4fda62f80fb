using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using KneeGuide.Core;
using KneeGuide.Site;

namespace KneeGuide.Cli.Preview;

/// <summary>
/// A small static file server for the preview folder, bound to 127.0.0.1 only. Besides the site it
/// serves three private URLs under /__kneeguide/: the live-reload script, a Server-Sent Events stream
/// that says "reload" or "errors" after each build, and the last build's status as JSON (the overlay).
/// The script is added to HTML responses here, so the built site itself never contains it.
/// </summary>
public sealed class PreviewServer : IAsyncDisposable
{
    public const string PrivatePrefix = "/__kneeguide/";
    private const string ScriptTag = "<script src=\"/__kneeguide/live.js\" defer></script>";
    private readonly HttpListener _listener = new();
    private readonly PreviewSite _site;
    private readonly List<Channel<string>> _clients = [];
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public PreviewServer(PreviewSite site, int port)
    {
        _site = site;
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
            if (method is not ("GET" or "HEAD"))
            {
                await SendTextAsync(response, 405, "method not allowed");
                return;
            }

            var raw = context.Request.RawUrl ?? "";
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
                    await SendFileAsync(response, target.File!, 200, method == "HEAD");
                    break;
                case 301:
                    response.StatusCode = 301;
                    response.RedirectLocation = target.Location;
                    response.Close();
                    break;
                case 404:
                    var notFound = Path.Combine(_site.Root, "404.html");
                    if (File.Exists(notFound))
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

    private static async Task SendFileAsync(HttpListenerResponse response, string file, int status, bool headOnly)
    {
        var bytes = await File.ReadAllBytesAsync(file);
        var type = ContentTypes.Of(file);
        if (type.StartsWith("text/html", StringComparison.Ordinal))
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
