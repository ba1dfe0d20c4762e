using System.Net;
using System.Net.Sockets;
using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using AssetAuction.Service.Security;
using Grpc.Core;
using Grpc.Net.Client;

namespace AssetAuction.IntegrationTests.Hostile;

/// <summary>
/// The connection limits only a real Kestrel enforces (the in-memory test server has none): a connection that sends
/// nothing, or never finishes its headers, is closed after the header timeout; a message above the size limit is
/// RESOURCE_EXHAUSTED. Runs the service binary as its own process on free loopback ports.
/// </summary>
public sealed class KestrelLimitsTests : IAsyncLifetime
{
    private RunningService? _service;

    private int GrpcPort => _service!.GrpcPort;

    private int RestPort => _service!.RestPort;

    public async Task InitializeAsync() =>
        _service = await RunningService.StartAsync(Path.Combine(Path.GetTempPath(), "assetauction-tests", $"{Guid.NewGuid():N}.db"), new Dictionary<string, string>
        {
            ["Limits__RequestHeadersTimeout"] = "00:00:02",
            ["Limits__IdleConnectionTimeout"] = "00:00:02",
            ["Limits__MaxRequestMessageBytes"] = "4096",
        });

    public Task DisposeAsync()
    {
        _service?.Dispose();
        return Task.CompletedTask;
    }

    public static TheoryData<string, bool> Silences => new()
    {
        { "", false },                                      // HTTP/1.1: connected, then silence
        { "GET /v1/assets HTTP/1.1\r\nHost: x\r\n", false }, // HTTP/1.1: headers never finished
        { "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n\0\0\0\u0004\0\0\0\0\0", true }, // HTTP/2 (gRPC port): preface and SETTINGS, then idle
    };

    [Theory]
    [MemberData(nameof(Silences))]
    public async Task A_connection_that_sends_no_request_is_closed_after_the_timeout(string partial, bool grpcPort)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, grpcPort ? GrpcPort : RestPort);
        var stream = client.GetStream();
        if (partial.Length > 0)
        {
            await stream.WriteAsync(System.Text.Encoding.Latin1.GetBytes(partial));
        }

        // Kestrel answers 408 (or GOAWAY) or just closes: the connection ends after the configured 2 seconds
        // (plus Kestrel's one-second heartbeat), well before the 30-second defaults would.
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(12));
        var buffer = new byte[4096];
        int read;
        do
        {
            read = await stream.ReadAsync(buffer, patience.Token);
        }
        while (read > 0);
        Assert.Equal(0, read);
    }

    [Fact]
    public async Task A_message_above_the_size_limit_is_resource_exhausted()
    {
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{GrpcPort}");
        var token = TokenMinter.Mint(new AuthOptions { Issuer = ServiceFactory.Issuer, Audience = ServiceFactory.Audience, SigningKey = ServiceFactory.TestSigningKey },
            "limits-test", Roles.CaseManagement, TestData.Office, "", TimeProvider.System.GetUtcNow(), TimeSpan.FromHours(1));
        var client = new SeizureService.SeizureServiceClient(channel);
        var request = TestData.Seizure();
        request.Assets[0].Description = new string('x', 8_000);
        var refused = await Assert.ThrowsAsync<RpcException>(() => client.RegisterSeizureAsync(request, new Metadata { { "authorization", "Bearer " + token } }).ResponseAsync);
        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
    }
}
