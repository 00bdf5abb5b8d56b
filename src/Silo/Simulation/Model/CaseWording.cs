namespace GridActors.Silo.Simulation.Model;

/// <summary>
/// What a report says, as grid workers write it in the app: a short title naming the place and the problem, and
/// a sentence or two of what they saw and did on the spot. Places are the grid's village with a villagers' group
/// (村民小组), a lane or a landmark, so two reports of one category rarely read alike.
/// </summary>
public static class CaseWording
{
    private static readonly string[] Landmarks =
    [
        "村委会旁", "小学门口", "菜市场", "老年活动中心", "公厕旁", "水库边", "停车场", "卫生室门口",
        "文化广场", "村口", "桥头", "垃圾收集点", "农贸市场", "抚仙湖沿岸步道", "幼儿园后门", "养殖场附近",
    ];

    private static readonly string[] Lanes = ["东巷", "西巷", "南街", "北街", "中心路", "环村路", "新村路", "老街"];

    /// <summary>(title with {place}, description) per category: what the platform's workers report most.</summary>
    private static readonly Dictionary<string, (string Title, string Description)[]> Phrases = new()
    {
        ["hazard"] =
        [
            ("{place}路灯损坏", "夜间路灯不亮，行人通行不便，已拍照上报，请相关部门维修。"),
            ("{place}井盖缺失", "路面井盖缺失，存在行人坠落隐患，已设置临时警示。"),
            ("{place}护栏松动", "临水护栏松动倾斜，儿童常在附近玩耍，需尽快加固。"),
            ("{place}路面塌陷", "路面出现约一平方米塌陷，已用锥桶围挡，请尽快修复。"),
            ("{place}电线私拉乱接", "居民私拉电线跨路晾晒，存在触电隐患，已现场劝导。"),
            ("{place}危房墙体开裂", "一处老旧房屋墙体开裂，已告知住户暂勿居住。"),
        ],
        ["rural-environment"] =
        [
            ("{place}垃圾堆放", "路边垃圾堆放未及时清运，气味较大，需安排清运。"),
            ("{place}污水横流", "生活污水直排路面，影响村容村貌，建议疏通沟渠。"),
            ("{place}柴草乱堆", "柴草杂物占道堆放，已通知户主限期清理。"),
            ("{place}畜禽散养", "畜禽散养粪便污染路面，已入户宣传圈养。"),
            ("{place}沟渠淤堵", "排水沟渠淤堵，雨天易积水，需组织清淤。"),
            ("{place}残垣断壁未清理", "废弃房屋残墙影响村容，建议拆除清理。"),
        ],
        ["sanitary-city"] =
        [
            ("{place}卫生死角", "背街小巷存在卫生死角，需组织清扫。"),
            ("{place}果皮箱满溢", "果皮箱已满溢，垃圾散落周边，请环卫清运。"),
            ("{place}公厕保洁不到位", "公厕地面脏乱、异味较重，需加强保洁。"),
            ("{place}病媒生物孳生", "积水容器较多，发现蚊虫孳生，已指导清除积水。"),
            ("{place}小广告乱贴", "墙面、电杆小广告较多，需组织清理。"),
        ],
        ["civilised-city"] =
        [
            ("{place}占道经营", "流动摊贩占道经营影响通行，已现场劝离。"),
            ("{place}车辆乱停乱放", "机动车占用人行道停放，已张贴提示。"),
            ("{place}店外乱摆", "商铺门前乱摆物品超出门线，已督促整改。"),
            ("{place}公益广告破损", "公益宣传栏破损褪色，建议更换。"),
            ("{place}乱涂乱画", "墙面乱涂乱画，影响市容，需粉刷覆盖。"),
        ],
        ["epidemic"] =
        [
            ("{place}外来人员登记", "发现返乡人员未报备，已登记并告知防控要求。"),
            ("{place}场所扫码测温未落实", "经营场所未落实扫码测温，已督促整改。"),
            ("{place}重点人员健康监测", "对居家健康监测人员入户随访，体温正常。"),
            ("{place}聚集性活动", "发现聚集性活动，已劝导减少聚集并上报。"),
            ("{place}疫苗接种摸排", "入户摸排未接种人员，已动员预约接种。"),
        ],
        ["public-security"] =
        [
            ("{place}可疑人员徘徊", "夜间发现可疑人员徘徊，已告知村组干部并报派出所。"),
            ("{place}电动车被盗", "群众反映电动车被盗，已协助报警。"),
            ("{place}酒后滋事", "有人酒后滋事，已劝离并通知民警到场。"),
            ("{place}监控探头损坏", "治安监控探头损坏，盲区较大，请维修。"),
            ("{place}电信诈骗宣传", "入户开展反诈宣传，发现一起疑似诈骗已劝阻。"),
        ],
        ["special-campaign"] =
        [
            ("{place}违规垂钓", "抚仙湖沿岸违规垂钓，已劝离并宣传保护条例。"),
            ("{place}违规捕捞", "发现违规下网捕捞，已上报执法部门。"),
            ("{place}化肥农药违规使用", "径流区违规使用化肥农药，已宣传绿色种植。"),
            ("{place}打非治违排查", "排查出租房屋生产经营情况，发现一处无证作坊。"),
            ("{place}扫黑除恶线索", "群众反映有人强揽工程，已记录线索上报。"),
        ],
        ["party-building"] =
        [
            ("{place}党员联系户走访", "党员入户走访联系户，收集意见建议三条。"),
            ("{place}流动党员信息核实", "核实外出流动党员信息，已更新台账。"),
            ("{place}党群活动场所维护", "党群服务站设施破损，需维修。"),
            ("{place}困难党员帮扶", "走访困难党员，反映住房漏雨，需协调帮扶。"),
        ],
        ["road-safety"] =
        [
            ("{place}路口视线遮挡", "路口绿化遮挡视线，易发生交通事故，建议修剪。"),
            ("{place}三轮车违规载人", "农用三轮车违规载人，已劝导。"),
            ("{place}减速带损坏", "减速带损坏脱落，需更换。"),
            ("{place}校车接送隐患", "学生乘坐无资质车辆上学，已告知家长并上报。"),
            ("{place}交通标志缺失", "急弯处缺少警示标志，建议增设。"),
        ],
        ["fire-hazard"] =
        [
            ("{place}消防通道堵塞", "消防通道被杂物车辆堵塞，已通知清理。"),
            ("{place}电动车违规充电", "楼道内电动车飞线充电，存在火灾隐患，已劝导。"),
            ("{place}灭火器过期", "商铺灭火器已过期，已督促更换。"),
            ("{place}野外用火", "山林周边有人焚烧秸秆，已制止并宣传防火。"),
            ("{place}液化气罐违规存放", "餐馆液化气罐存放不规范，已督促整改。"),
        ],
        ["pollution"] =
        [
            ("{place}入湖河道漂浮物", "入湖河道漂浮垃圾较多，需组织打捞。"),
            ("{place}企业异味扰民", "群众反映夜间异味较重，已记录时段上报。"),
            ("{place}工地扬尘", "工地未覆盖裸土，扬尘较大，已督促洒水覆盖。"),
            ("{place}废水偷排", "发现管道向沟渠排放浑浊废水，已拍照取证上报。"),
        ],
        ["illegal-construction"] =
        [
            ("{place}违规建房", "农户未经审批加盖房屋，已劝停并上报。"),
            ("{place}私搭乱建", "临街私搭彩钢棚，影响通行，已告知拆除。"),
            ("{place}占用耕地建房", "发现占用耕地建设地基，已拍照上报。"),
            ("{place}违规加层", "房屋正在违规加层施工，已通知停工。"),
        ],
        ["food-safety"] =
        [
            ("{place}无证经营小作坊", "发现无证食品加工小作坊，已上报监管部门。"),
            ("{place}过期食品销售", "小卖部货架有过期食品，已督促下架。"),
            ("{place}农村家宴报备", "农户举办家宴未报备，已指导报备并检查卫生。"),
            ("{place}校园周边食品安全", "学校周边流动摊点售卖三无食品，已劝离。"),
        ],
        ["geological-hazard"] =
        [
            ("{place}山体滑坡隐患", "雨后山体出现裂缝，已疏散下方住户并上报。"),
            ("{place}落石隐患", "道路边坡有落石，已设置警示并上报。"),
            ("{place}地面沉降", "房屋周边地面出现沉降裂缝，需专业排查。"),
        ],
        ["dispute"] =
        [
            ("{place}邻里宅基地纠纷", "两户因宅基地边界发生争执，已到场调解。"),
            ("{place}土地承包纠纷", "村民因土地承包经营权发生纠纷，已组织双方协商。"),
            ("{place}婚姻家庭矛盾", "夫妻因家庭琐事争吵，已联合妇联上门调解。"),
            ("{place}劳资纠纷", "务工人员反映工资被拖欠，已联系用工方协调。"),
            ("{place}相邻通行纠纷", "因出行道路占用引发邻里矛盾，已现场调解。"),
            ("{place}赡养纠纷", "老人反映子女不履行赡养义务，已组织家庭会议调解。"),
        ],
    };

    /// <summary>Categories the phrases cover; every category the simulation reports must be among them.</summary>
    public static IEnumerable<string> Categories => Phrases.Keys;

    /// <summary>A title and description for a report of <paramref name="category"/> in <paramref name="villageName"/>.</summary>
    public static (string Title, string Description) For(string category, string villageName, Random random)
    {
        var choices = Phrases.TryGetValue(category, out var found) ? found : Phrases["hazard"];
        var (title, description) = choices[random.Next(choices.Length)];
        var place = Place(villageName, random);
        return (title.Replace("{place}", place, StringComparison.Ordinal), $"{place}：{description}");
    }

    private static string Place(string villageName, Random random) => random.Next(3) switch
    {
        0 => $"{villageName}{random.Next(1, 13)}组",
        1 => $"{villageName}{Lanes[random.Next(Lanes.Length)]}",
        _ => $"{villageName}{Landmarks[random.Next(Landmarks.Length)]}",
    };
}
