using AssetAuction.Contracts.V1;
using static AssetAuction.UnitTests.Validation.Given;
using B = AssetAuction.Service.Backlog;

namespace AssetAuction.UnitTests.Validation;

/// <summary>
/// The import's own validator: an opening custody balance carried over from the office's old books. The import's
/// seizure, obligations and acts are checked by the validators of the RPCs they stand for (the other files here).
/// </summary>
public sealed class ImportValidatorTests
{
    internal static readonly IRuleSet[] Sets =
    [
        new RuleSet<CustodyOpeningBalance>("ImportAssets (custody opening balance)", new B.ImportRecordCheck.BalanceValidator(Clock), () => new()
            {
                Amount = 120_000_000, AsOf = Past, Reference = "SD-2024-01",
            })
            .Money("amount").PastDate("as_of").Optional("reference", 128),
    ];

    public static TheoryData<string> Rpcs => RuleSets.Rpcs(Sets);

    public static TheoryData<string, string, string> Broken => RuleSets.Breaks(Sets);

    [Theory]
    [MemberData(nameof(Rpcs))]
    public void A_complete_request_passes(string rpc) => RuleSets.Of(Sets, rpc).AssertValid();

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_broken_rule_names_its_proto_field_and_no_other(string rpc, string field, string how) => RuleSets.Of(Sets, rpc).AssertBroken(field, how);
}
