using AssetAuction.Contracts.V1;
using static AssetAuction.UnitTests.Validation.Given;
using O = AssetAuction.Service.Organizations;

namespace AssetAuction.UnitTests.Validation;

/// <summary>The auction organizations' request validators.</summary>
public sealed class OrganizationValidatorTests
{
    private const string Organization = "auctionOrganizations/01JD7K5ZQ4X9M2N3P4Q5R6S7TA";

    internal static readonly IRuleSet[] Sets =
    [
        new RuleSet<CreateAuctionOrganizationRequest>("CreateAuctionOrganization", new O.CreateAuctionOrganization.Validator(), () => new()
            {
                RequestId = Uuid, Organization = new AuctionOrganization { DisplayName = "Công ty Đấu giá hợp danh B", LicenceNumber = "DG-01", Address = "Hà Nội", Contact = "024 0000 0000" },
            })
            .RequestId()
            .Break("organization", "missing", r => r.Organization = null)
            .Break("organization.display_name", "blank", r => r.Organization.DisplayName = "")
            .Break("organization.licence_number", "longer than 64", r => r.Organization.LicenceNumber = new string('x', 65))
            .Break("organization.address", "blank", r => r.Organization.Address = " ")
            .Break("organization.contact", "blank", r => r.Organization.Contact = ""),
        new RuleSet<GetAuctionOrganizationRequest>("GetAuctionOrganization", new O.GetAuctionOrganization.Validator(), () => new() { Name = Organization })
            .Break("name", "not an organization name", r => r.Name = "organizations/1"),
        new RuleSet<ListAuctionOrganizationsRequest>("ListAuctionOrganizations", new O.ListAuctionOrganizations.Validator(), () => new() { PageSize = 20 })
            .PageSize(),
        new RuleSet<ListAuctionRoundsRequest>("ListAuctionRounds", new O.ListAuctionRounds.Validator(), () => new() { Organization = Organization, UpcomingOnly = true, PageSize = 20 })
            .PageSize()
            .Break("organization", "not an organization name", r => r.Organization = "auctionOrganizations/"),
        new RuleSet<ListAuctionRoundsRequest>("ListAuctionRounds (every organization)", new O.ListAuctionRounds.Validator(), () => new()),
        new RuleSet<StreamAuctionRoundsRequest>("StreamAuctionRounds", new O.StreamAuctionRounds.Validator(), () => new() { AfterSequence = 12 })
            .Break("after_sequence", "negative", r => r.AfterSequence = -1),
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
