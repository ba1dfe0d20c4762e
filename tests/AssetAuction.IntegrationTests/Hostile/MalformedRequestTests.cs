using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AssetAuction.IntegrationTests.Hostile;

/// <summary>Bodies protobuf cannot parse, instants a DateTimeOffset cannot hold, and requests built to be huge.</summary>
public sealed class MalformedRequestTests(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    public static TheoryData<string, byte[]> Unparseable => new()
    {
        // request_id (field 1) with wire type 7, which does not exist.
        { "bad wire type", [0x0F, 0x01] },
        // request_id as a length-delimited string holding invalid UTF-8.
        { "invalid UTF-8 in a string", [0x0A, 0x02, 0xC3, 0x28] },
        // a string that claims 16 bytes and has 1.
        { "truncated field", [0x0A, 0x10, 0x61] },
        // a varint of 11 bytes.
        { "overlong varint", [0x10, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01] },
        // field number 0 is not a field.
        { "field number zero", [0x00, 0x01, 0x02, 0x03] },
    };

    [Theory]
    [MemberData(nameof(Unparseable))]
    public async Task A_body_protobuf_cannot_parse_is_invalid_argument_with_one_warning_and_no_stack_trace(string problem, byte[] body)
    {
        var logs = new LogCollector();
        using var host = service.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddLogging(l => l.AddProvider(logs))));
        using var channel = ServiceFactory.ChannelTo(host, service.Token("case_management", TestData.Office));

        var error = await RawCalls.UnaryAsync(channel, "/assetauction.v1.SeizureService/RegisterSeizure", body);

        Assert.NotNull(error);
        Assert.True(error.StatusCode == StatusCode.InvalidArgument, $"{problem}: {error.StatusCode} {error.Status.Detail}");
        Assert.Equal("INVALID_ARGUMENT", error.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);
        Assert.DoesNotContain(logs.Lines, l => l.Level >= LogLevel.Error);
        Assert.DoesNotContain(logs.Lines, l => l.Exception is not null);
        Assert.Single(logs.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("malformed request body", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_malformed_body_on_a_server_stream_is_invalid_argument()
    {
        using var channel = service.Channel(service.Token("supervisor"));

        var error = await RawCalls.ServerStreamAsync(channel, "/assetauction.v1.EventService/StreamEvents", [0x0F, 0x01], TimeSpan.FromSeconds(30));

        Assert.Equal(StatusCode.InvalidArgument, error?.StatusCode);
    }

    public static TheoryData<long, int> OutOfRangeInstants => new()
    {
        { 253_402_300_800, 0 },
        { -62_135_596_801, 0 },
        { 1_800_000_000, -1 },
        { 1_800_000_000, 1_000_000_000 },
        { long.MaxValue, 0 },
        { 5_000_000_000, 0 },
    };

    [Theory]
    [MemberData(nameof(OutOfRangeInstants))]
    public async Task ScheduleAuctionRound_with_an_out_of_range_auction_time_is_invalid_argument(long seconds, int nanos)
    {
        var client = new PipelineService.PipelineServiceClient(service.Channel(service.Token("case_management", TestData.Office)));
        var plan = PipelineDriver.Plan(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 20), 1_000_000);
        plan.AuctionTime = new Timestamp { Seconds = seconds, Nanos = nanos };

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_ARGUMENT", () => client.ScheduleAuctionRoundAsync(new ScheduleAuctionRoundRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = "assets/any", Etag = "1", Plan = plan,
        }).ResponseAsync);

        Assert.Contains("plan.auction_time", RpcAssert.Fields(status));
    }

    [Fact]
    public async Task PostponeAuctionRound_with_negative_nanos_is_invalid_argument()
    {
        var client = new PipelineService.PipelineServiceClient(service.Channel(service.Token("case_management", TestData.Office)));
        var plan = PipelineDriver.Plan(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 20), 1_000_000);
        plan.AuctionTime = new Timestamp { Seconds = plan.AuctionTime.Seconds, Nanos = -1 };

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => client.PostponeAuctionRoundAsync(new PostponeAuctionRoundRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = "assets/any", Etag = "1", Reason = "venue flooded", Plan = plan,
        }).ResponseAsync);

        Assert.Contains("plan.auction_time", RpcAssert.Fields(status));
    }

    [Fact]
    public async Task Twenty_thousand_empty_debtors_are_refused_on_their_count_with_a_small_error()
    {
        var logs = new LogCollector();
        using var host = service.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddLogging(l => l.AddProvider(logs))));
        var client = new SeizureService.SeizureServiceClient(ServiceFactory.ChannelTo(host, service.Token("case_management", TestData.Office)));
        var request = TestData.Seizure();
        request.Debtors.Clear();
        request.Debtors.Add(Enumerable.Range(0, 20_000).Select(_ => new Party()));

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_ARGUMENT", () => client.RegisterSeizureAsync(request).ResponseAsync);

        Assert.Equal(["debtors"], RpcAssert.Fields(status));
        Assert.True(status.CalculateSize() < 4096, $"error status of {status.CalculateSize()} bytes");
        Assert.All(logs.Lines, l => Assert.True(l.Message.Length < 4096, $"log line of {l.Message.Length} characters"));
    }

    [Fact]
    public async Task A_hundred_thousand_empty_owners_are_refused_on_their_count_before_any_validator()
    {
        var logs = new LogCollector();
        using var host = service.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddLogging(l => l.AddProvider(logs))));
        var client = new SeizureService.SeizureServiceClient(ServiceFactory.ChannelTo(host, service.Token("case_management", TestData.Office)));
        var request = TestData.Seizure();
        request.Assets[0].Owners.Add(Enumerable.Range(0, 100_000).Select(_ => new Owner()));

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_ARGUMENT", () => client.RegisterSeizureAsync(request).ResponseAsync);

        Assert.Equal(["assets[0].owners"], RpcAssert.Fields(status));
        Assert.All(logs.Lines, l => Assert.True(l.Message.Length < 4096, $"log line of {l.Message.Length} characters"));
    }

    [Fact]
    public async Task Many_bad_fields_return_at_most_fifty_violations_and_say_how_many_more()
    {
        var request = TestData.Seizure();
        request.Assets.Clear();
        // 200 assets (the most allowed), each with 3 bad fields: 600 violations.
        request.Assets.Add(Enumerable.Range(0, 200).Select(_ =>
        {
            var land = TestData.Land();
            land.LandUseRight.AreaM2 = -1;
            land.LandUseRight.LandUsePurpose = "";
            land.LandUseRight.CertificateIssueDate = new Google.Type.Date { Year = 3000, Month = 1, Day = 1 };
            return land;
        }));

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => service.Seizures().RegisterSeizureAsync(request).ResponseAsync);

        Assert.Equal(50, RpcAssert.Fields(status).Count);
        Assert.Contains("600 invalid fields", status.Message, StringComparison.Ordinal);
        Assert.Contains("first 50", status.Message, StringComparison.Ordinal);
    }
}
