using AssetAuction.Contracts.V1;
using AssetAuction.Service.Security;
using Google.Protobuf.Reflection;

namespace AssetAuction.UnitTests.Service;

/// <summary>
/// The write path reads request_id, name and etag through typed interfaces (Contracts/Requests/MutatingRequests.cs),
/// so every request message that carries them must implement them; a new RPC that forgets would not compile
/// against the write path, or would lose its etag check.
/// </summary>
public sealed class MutatingRequestsTests
{
    public static TheoryData<string> Requests()
    {
        var data = new TheoryData<string>();
        foreach (var input in RpcPermissions.Services.SelectMany(s => s.Methods).Select(m => m.InputType).DistinctBy(m => m.FullName))
        {
            data.Add(input.FullName);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public void A_request_with_a_request_id_is_a_mutating_request_and_one_with_name_and_etag_is_versioned(string fullName)
    {
        var message = RpcPermissions.Services.SelectMany(s => s.Methods).Select(m => m.InputType).First(m => m.FullName == fullName);
        var clr = message.ClrType;
        Assert.Equal(HasString(message, "request_id"), typeof(IMutatingRequest).IsAssignableFrom(clr));
        Assert.Equal(HasString(message, "request_id") && HasString(message, "name") && HasString(message, "etag"), typeof(IVersionedRequest).IsAssignableFrom(clr));
    }

    [Fact]
    public void The_interface_reads_and_clears_the_generated_field()
    {
        var generated = new RecordValuationRequest { RequestId = "r", Name = "assets/a", Etag = "3" };
        Assert.Equal(("r", "assets/a", "3"), Read(generated));
        Clear(generated);
        Assert.Equal("", generated.RequestId);
    }

    /// <summary>The import names each act's asset through the interface (ImportActs.Validate), so every act must be versioned.</summary>
    [Fact]
    public void Every_act_an_import_record_can_hold_is_a_versioned_request()
    {
        var acts = ImportAct.Descriptor.Oneofs[0].Fields;
        Assert.Equal(24, acts.Count);
        Assert.All(acts, f => Assert.True(typeof(IVersionedRequest).IsAssignableFrom(f.MessageType.ClrType), f.Name));
    }

    private static (string, string, string) Read<T>(T request)
        where T : IVersionedRequest => (request.RequestId, request.Name, request.Etag);

    private static void Clear<T>(T request)
        where T : IMutatingRequest => request.RequestId = "";

    private static bool HasString(MessageDescriptor message, string field) => message.FindFieldByName(field) is { FieldType: FieldType.String, IsRepeated: false };
}
