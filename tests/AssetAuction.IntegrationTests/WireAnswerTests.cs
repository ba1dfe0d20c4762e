using System.Net.Http.Headers;
using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using AssetAuction.Service.Data;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Security;
using Google.Protobuf;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AssetAuction.IntegrationTests;

/// <summary>
/// Answers written from bytes the service already holds. GetAsset's and ListAssets' gRPC answers are written from
/// the assets' stored views as they are (WireResponse), while the REST transcoding serves the typed response; a
/// mutation's gRPC answer is the bytes its idempotency record stores (SerializedResponses). These pin that the gRPC
/// bindings really answer that way, and that the bytes are exactly the typed answers'.
/// </summary>
public sealed class WireAnswerTests(ServiceWithoutDeadlineWatch service) : IClassFixture<ServiceWithoutDeadlineWatch>
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create<byte[]>(b => b, b => b);

    private static readonly Method<GetAssetRequest, byte[]> GetAssetBytes = new(
        MethodType.Unary, "assetauction.v1.SeizureService", "GetAsset", Marshallers.Create((GetAssetRequest r) => r.ToByteArray(), GetAssetRequest.Parser.ParseFrom), Bytes);

    private static readonly Method<ListAssetsRequest, byte[]> ListAssetsBytes = new(
        MethodType.Unary, "assetauction.v1.SeizureService", "ListAssets", Marshallers.Create((ListAssetsRequest r) => r.ToByteArray(), ListAssetsRequest.Parser.ParseFrom), Bytes);

    [Theory]
    [InlineData("GetAsset", true)]
    [InlineData("ListAssets", true)]
    [InlineData("RegisterSeizure", false)]
    public void The_grpc_binding_answers_the_reads_from_their_wire_form_and_rest_keeps_the_typed_one(string method, bool wire)
    {
        var bindings = service.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (Route: e.RoutePattern.RawText, e.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method))
            .Where(b => b.Method?.FullName == $"/assetauction.v1.SeizureService/{method}")
            .ToList();

        // The gRPC route is the method's full name; the other is its REST (JSON transcoding) route.
        var grpc = Assert.Single(bindings, b => b.Route == b.Method!.FullName);
        var rest = Assert.Single(bindings, b => b.Route != b.Method!.FullName);
        Assert.Equal(wire, grpc.Method!.GetType().GetGenericArguments()[1] == typeof(WireResponse));
        Assert.NotEqual(typeof(WireResponse), rest.Method!.GetType().GetGenericArguments()[1]);
    }

    [Fact]
    public async Task Grpc_answers_are_byte_for_byte_the_typed_answers_rest_serves_from_views_and_from_loaded_assets()
    {
        var office = "WIRE-" + TestData.Unique();
        var seizures = service.Seizures(Roles.CaseManagement, office);
        var names = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var registered = await seizures.RegisterSeizureAsync(TestData.Seizure(office: office));
            names.Add(registered.Assets[0].Name);
        }

        // One asset without a view, one whose view is not at its version: both are loaded and mapped.
        var (missing, stale) = (names[1]["assets/".Length..], names[3]["assets/".Length..]);
        await service.WithDbAsync(db => db.Set<AssetView>().Where(v => v.AssetId == missing).ExecuteDeleteAsync());
        await service.WithDbAsync(db => db.Set<AssetView>().Where(v => v.AssetId == stale).ExecuteUpdateAsync(s => s.SetProperty(v => v.Version, AssetView.Invalid)));

        var token = service.Token(Roles.CaseManagement, office);
        var invoker = service.Channel(token).CreateCallInvoker();
        using var http = service.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        foreach (var name in names)
        {
            var grpc = await invoker.AsyncUnaryCall(GetAssetBytes, null, default, new GetAssetRequest { Name = name });
            var rest = JsonParser.Default.Parse<GetAssetResponse>(await http.GetStringAsync($"/v1/{name}"));
            Assert.Equal(name, rest.Asset.Name);
            Assert.Equal(rest.ToByteArray(), grpc);
        }

        // The office's own listing (its plain statement) and a filtered one, each over two pages.
        foreach (var filtered in new[] { false, true })
        {
            var pageToken = "";
            var listed = new List<string>();
            do
            {
                var request = new ListAssetsRequest { PageSize = 3, PageToken = pageToken, Kind = filtered ? Asset.Types.Kind.LandUseRight : Asset.Types.Kind.Unspecified };
                var grpc = await invoker.AsyncUnaryCall(ListAssetsBytes, null, default, request);
                var query = $"/v1/assets?pageSize=3{(filtered ? "&kind=KIND_LAND_USE_RIGHT" : "")}{(pageToken.Length > 0 ? "&pageToken=" + Uri.EscapeDataString(pageToken) : "")}";
                var rest = JsonParser.Default.Parse<ListAssetsResponse>(await http.GetStringAsync(query));
                Assert.Equal(rest.ToByteArray(), grpc);
                listed.AddRange(rest.Assets.Select(a => a.Name));
                pageToken = rest.NextPageToken;
            }
            while (pageToken.Length > 0);

            Assert.Equal(names.AsEnumerable().Reverse(), listed); // newest first, every asset once
        }
    }

    [Fact]
    public async Task A_mutations_grpc_answer_and_its_retrys_are_the_bytes_its_idempotency_record_stores()
    {
        var register = new Method<RegisterSeizureRequest, byte[]>(
            MethodType.Unary, "assetauction.v1.SeizureService", "RegisterSeizure", Marshallers.Create((RegisterSeizureRequest r) => r.ToByteArray(), RegisterSeizureRequest.Parser.ParseFrom), Bytes);
        var invoker = service.Channel(service.Token(Roles.CaseManagement, TestData.Office)).CreateCallInvoker();
        var request = TestData.Seizure();

        var answered = await invoker.AsyncUnaryCall(register, null, default, request);
        var stored = await service.WithDbAsync(db => db.IdempotencyRecords.Where(r => r.RequestId == request.RequestId).Select(r => r.Response).SingleAsync());
        Assert.Equal(stored, answered);
        Assert.Single(RegisterSeizureResponse.Parser.ParseFrom(answered).Assets);

        Assert.Equal(answered, await invoker.AsyncUnaryCall(register, null, default, request)); // the replay

        // The replay's answer is the stored bytes themselves, not the message serialised again: stored with its
        // fields out of order (a valid encoding that serialising never produces), they come back exactly so.
        // This goes through the call's items and the binding's marshaller end to end.
        var parsed = RegisterSeizureResponse.Parser.ParseFrom(stored);
        var reordered = new WireResponse.Builder().AddMessage(RegisterSeizureResponse.AssetsFieldNumber, parsed.Assets[0]).Build().Bytes
            .Concat(new WireResponse.Builder().AddMessage(RegisterSeizureResponse.SeizureFieldNumber, parsed.Seizure).Build().Bytes).ToArray();
        Assert.NotEqual(parsed.ToByteArray(), reordered);
        Assert.Equal(parsed, RegisterSeizureResponse.Parser.ParseFrom(reordered));
        await service.WithDbAsync(db => db.IdempotencyRecords.Where(r => r.RequestId == request.RequestId).ExecuteUpdateAsync(u => u.SetProperty(r => r.Response, reordered)));
        Assert.Equal(reordered, await invoker.AsyncUnaryCall(register, null, default, request));
    }

    [Fact]
    public async Task A_steps_answer_its_idempotency_record_and_its_view_hold_the_same_asset_bytes()
    {
        var p = await PipelineDriver.SeizeAsync(service);
        await p.TwoFailedRoundsAsync(); // a history and round changes to carry
        var reduce = new Method<ReducePriceRequest, byte[]>(
            MethodType.Unary, "assetauction.v1.PipelineService", "ReducePrice", Marshallers.Create((ReducePriceRequest r) => r.ToByteArray(), ReducePriceRequest.Parser.ParseFrom), Bytes);
        var invoker = service.Channel(service.Token(Roles.CaseManagement, TestData.Office)).CreateCallInvoker();
        var request = new ReducePriceRequest { RequestId = Guid.NewGuid().ToString(), Name = p.Asset.Name, Etag = p.Asset.Etag, AgreedByParties = true, NewStartingPrice = p.Asset.StartingPrice - 100_000_000, DecisionNumber = "QĐ-GG-" + TestData.Unique(), DecisionDate = p.Asset.Rounds[^1].AuctionDate };

        var answered = await invoker.AsyncUnaryCall(reduce, null, default, request);
        var asset = ReducePriceResponse.Parser.ParseFrom(answered).Asset;
        Assert.Equal(p.Asset.History.Count + 1, asset.History.Count);
        var id = asset.Name["assets/".Length..];
        var (stored, view) = await service.WithDbAsync(async db => (
            await db.IdempotencyRecords.Where(r => r.RequestId == request.RequestId).Select(r => r.Response).SingleAsync(),
            await db.Set<AssetView>().Where(v => v.AssetId == id).SingleAsync()));
        Assert.Equal(stored, answered);
        Assert.Equal(new ReducePriceResponse { Asset = asset }.ToByteArray(), answered);
        Assert.Equal(asset.ToByteArray(), view.Proto);
        Assert.Equal(long.Parse(asset.Etag, System.Globalization.CultureInfo.InvariantCulture), view.Version);
        await AssetViewAssert.CurrentAsync(service, [asset.Name]);
        Assert.Equal(answered, await invoker.AsyncUnaryCall(reduce, null, default, request)); // the replay
    }

    [Fact]
    public void The_grpc_bindings_write_a_remembered_responses_bytes_and_serialise_any_other()
    {
        var bound = service.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText == "/assetauction.v1.SeizureService/RegisterSeizure") // the gRPC route, not REST's
            .Select(e => e.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method)
            .OfType<Method<RegisterSeizureRequest, RegisterSeizureResponse>>()
            .Single();
        // A response's bytes are left in its call's items; the binding finds the call through the accessor.
        var calls = service.Services.GetRequiredService<IHttpContextAccessor>();
        calls.HttpContext = new DefaultHttpContext();
        try
        {
            var remembered = SerializedResponses.Remember(calls.HttpContext.Items, new RegisterSeizureResponse { Assets = { new Asset { Name = "assets/01" } } }, [1, 2, 3]);
            var other = new RegisterSeizureResponse { Assets = { new Asset { Name = "assets/02" } } };

            Assert.Equal([1, 2, 3], Written(bound.ResponseMarshaller, remembered));
            Assert.Equal(other.ToByteArray(), Written(bound.ResponseMarshaller, other)); // not the remembered object
            calls.HttpContext = new DefaultHttpContext();
            Assert.Equal(remembered.ToByteArray(), Written(bound.ResponseMarshaller, remembered)); // another call's items
        }
        finally
        {
            calls.HttpContext = null;
        }
    }

    private static byte[] Written<T>(Marshaller<T> marshaller, T message)
    {
        var context = new CapturingContext();
        marshaller.ContextualSerializer(message, context);
        return context.Written ?? throw new InvalidOperationException("Nothing was written.");
    }

    private sealed class CapturingContext : SerializationContext
    {
        private System.Buffers.ArrayBufferWriter<byte>? _writer;

        public byte[]? Written { get; private set; }

        public override void Complete(byte[] payload) => Written = payload;

        public override void SetPayloadLength(int payloadLength)
        {
        }

        public override System.Buffers.IBufferWriter<byte> GetBufferWriter() => _writer ??= new System.Buffers.ArrayBufferWriter<byte>();

        public override void Complete() => Written = _writer?.WrittenSpan.ToArray() ?? [];
    }

    [Fact]
    public void A_wire_response_is_what_protobuf_writes_for_the_same_fields()
    {
        var asset = new Asset { Name = "assets/01", Description = "Quyền sử dụng đất", Etag = "3" };
        var other = new Asset { Name = "assets/02", History = { new HistoryEntry { Action = "RegisterSeizure", Note = new string('x', 300) } } };
        var expected = new ListAssetsResponse { Assets = { asset, other }, NextPageToken = "next" };

        var built = new WireResponse.Builder()
            .AddMessage(ListAssetsResponse.AssetsFieldNumber, asset.ToByteArray())
            .AddMessage(ListAssetsResponse.AssetsFieldNumber, other)
            .AddString(ListAssetsResponse.NextPageTokenFieldNumber, "next")
            .Build();
        Assert.Equal(expected.ToByteArray(), built.Bytes);

        // An empty string is left out, as proto3 leaves out a default; fields out of order are refused.
        Assert.Equal(new ListAssetsResponse().ToByteArray(), new WireResponse.Builder().AddString(ListAssetsResponse.NextPageTokenFieldNumber, "").Build().Bytes);
        Assert.Throws<InvalidOperationException>(() => new WireResponse.Builder().AddString(2, "a").AddMessage(1, asset));
    }
}
