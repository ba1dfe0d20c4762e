using System.CommandLine;
using System.Net.Http.Headers;
using Grpc.Net.Client;

namespace AssetAuction.Cli;

/// <summary>Opens the gRPC channel a command talks through: the server and token resolved from the
/// options, the environment and the config file, in that order.</summary>
internal static class Connection
{
    public static GrpcChannel Open(CliHost host, ParseResult parse)
    {
        var config = CliConfig.Load(host);
        var server = First(parse.GetValue(GlobalOptions.Server), host.Environment("ASSETAUCTION_SERVER"), config.Server) ?? GlobalOptions.DefaultServer;
        var token = First(parse.GetValue(GlobalOptions.Token), host.Environment("ASSETAUCTION_TOKEN"), config.Token);
        if (!Uri.TryCreate(server, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
        {
            throw new UsageException($"--server must be an http:// or https:// address, not '{server}'.");
        }

        // The token travels as a header on every call; over plain http (a local service) too, which
        // gRPC's call credentials would refuse.
        var handler = new BearerHandler(token) { InnerHandler = host.Handler?.Invoke() ?? new SocketsHttpHandler { EnableMultipleHttp2Connections = true } };
        return GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
    }

    private static string? First(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

    private sealed class BearerHandler(string? token) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
