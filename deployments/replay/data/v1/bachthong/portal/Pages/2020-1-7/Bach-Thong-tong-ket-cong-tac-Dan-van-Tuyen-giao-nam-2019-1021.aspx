<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html dir="ltr" lang="vi-VN" xmlns="http://www.w3.org/1999/xhtml">
<head><meta http-equiv="X-UA-Compatible" content="IE=10" /><meta name="GENERATOR" content="Microsoft SharePoint" />
<meta http-equiv="Content-type" content="text/html; charset=utf-8" /><meta http-equiv="Expires" content="0" />
<title>
	Bạch Thông tổng kết công tác Dân vận, Tuyên giáo năm 2019
</title>
<link rel="stylesheet" type="text/css" href="/_layouts/15/1066/styles/Themable/corev15.css?rev=2ZqMsWgR4ZIDmRG3BGSmhg%3D%3D"/>
<link rel="stylesheet" type="text/css" href="/portal/Style%20Library/TanDan/css/tandan-portal.css" />
<script type="text/javascript" src="/_layouts/15/init.js?rev=ZFhWUWcRpJOJ5Ks%2Fh%2Bw1AQ%3D%3D"></script>
<script type="text/javascript" src="/portal/Style%20Library/TanDan/js/jquery-1.11.1.min.js"></script>
</head>
<body onhashchange="if (typeof(_spBodyOnHashChange) != 'undefined') _spBodyOnHashChange();">
<form method="post" action="./Bach-Thong-tong-ket-cong-tac-Dan-van-Tuyen-giao-nam-2019-1021.aspx" onsubmit="javascript:return WebForm_OnSubmit();" id="aspnetForm">
<div class="aspNetHidden">
<input type="hidden" name="_wpcmWpid" id="_wpcmWpid" value="" />
<input type="hidden" name="__REQUESTDIGEST" id="__REQUESTDIGEST" value="0x6A1C1E0D2B3F8C9A4E5D6F7081920A1B2C3D4E5F,07 Feb 2023 07:31:12 -0000" />
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1MmRkwneTz0H2mBrBAT5l0e6q3rNsVHU=" />
</div>
<div id="s4-workspace"><div id="s4-bodyContainer">
<div class="tandan-header">
  <div class="tandan-banner"><a href="/portal/Pages/default.aspx"><img src="/portal/Style%20Library/TanDan/images/banner-huyen-uy.png" alt="HUYỆN ỦY BẠCH THÔNG" /></a>
  <span class="tandan-banner-text">ĐẢNG BỘ HUYỆN BẠCH THÔNG - TỈNH BẮC KẠN</span></div>
  <div class="tandan-menu"><ul>
    <li><a href="/portal/Pages/default.aspx">Trang chủ</a></li>
    <li><a href="/portal/Pages/Gioi-thieu.aspx">Giới thiệu</a></li>
    <li class="active"><a href="/portal/Pages/Tin-tuc.aspx">Tin tức - Sự kiện</a></li>
    <li><a href="/portal/Pages/Xay-dung-Dang.aspx">Xây dựng Đảng</a></li>
    <li><a href="/portal/Pages/Van-ban.aspx">Văn bản</a></li>
    <li><a href="javascript:void(0)">Hỏi đáp</a></li>
    <li><a href="/portal/Pages/Lien-he.aspx">Liên hệ</a></li>
  </ul></div>
  <div class="tandan-search"><input type="text" name="q" title="Tìm kiếm" value="Nhập từ khóa..." /><a href="/portal/Pages/Tim-kiem.aspx">Tìm kiếm</a></div>
  <div class="tandan-marquee"><marquee scrollamount="3">Chào mừng kỷ niệm 93 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2023)</marquee></div>
</div>
<div class="tandan-main">
<div class="tandan-breadcrumb"><a href="/portal/Pages/default.aspx">Trang chủ</a> » <a href="/portal/Pages/Tin-tuc.aspx">Tin tức - Sự kiện</a></div>
<div class="ms-webpart-zone ms-fullWidth">
<div class="ms-webpart-chrome-title"><span title="PublishingPortal - Block_BanTin_Toolbar">PublishingPortal - Block_BanTin_Toolbar</span></div>
<div class="tandan-toolbar">
  <span class="tandan-span-date-publish">07/01/2020</span>
  <span class="tandan-font-size"><a href="javascript:void(0)" onclick="tdIncreaseFont()">Tăng cỡ chữ</a> <a href="javascript:void(0)" onclick="tdDecreaseFont()">Giảm cỡ chữ</a></span>
  <a class="tandan-print" href="/portal/Pages/print.aspx?p=1021" target="_blank">In bài</a>
  <a class="tandan-email" href="javascript:void(0)" onclick="tdSendMail(1021)">Gửi email</a>
</div>
<div class="tandan-article-news">
<h1 class="tandan-p-article-news-title">Bạch Thông tổng kết công tác Dân vận, Tuyên giáo năm 2019</h1>
<div class="tandan-p-article-news-sapo"><strong>Chiều 06/01/2020, Huyện ủy Bạch Th&ocirc;ng tổ chức hội nghị đ&aacute;nh gi&aacute; kết quả c&ocirc;ng t&aacute;c D&acirc;n vận v&agrave; Tuy&ecirc;n gi&aacute;o năm 2019, b&agrave;n nhiệm vụ trọng t&acirc;m năm 2020.</strong></div>
<div class="ms-webpart-chrome-title"><span title="PublishingPortal - Block_BanTin_ViewData">PublishingPortal - Block_BanTin_ViewData</span></div>
<div id="ctl00_PlaceHolderMain_ctl01__ControlWrapper_RichHtmlField" class="ms-rtestate-field" style="display:inline" aria-labelledby="ctl00_PlaceHolderMain_ctl01_label">
<p style="text-align:justify;"><span style="font-size:13pt;font-family:'Times New Roman';">Đến dự c&oacute; đại diện l&atilde;nh đạo Ban D&acirc;n vận Tỉnh ủy. Đồng ch&iacute; Nguyễn Thanh H&agrave;, Ph&oacute; B&iacute; thư Thường trực Huyện ủy, Chủ tịch HĐND huyện chủ tr&igrave; hội nghị.</span></p>
<table class="tandan-image" align="center" border="0" cellpadding="3" cellspacing="0"><tbody><tr><td><img alt="" src="/portal/PublishingImages/2020/01/hoi-nghi-tong-ket-dan-van-2019.jpg" style="width:500px;" /></td></tr><tr><td><p style="text-align:center;"><em>Các đại biểu dự hội nghị tổng kết. Ảnh: Thu Trang</em></p></td></tr></tbody></table>
<p style="text-align:justify;"><span style="font-size:13pt;font-family:'Times New Roman';">Theo b&aacute;o c&aacute;o, trong năm 2019 Ban D&acirc;n vận Huyện ủy đ&atilde; tham mưu ban h&agrave;nh 51 văn bản l&atilde;nh đạo, chỉ đạo về d&acirc;n vận, t&ocirc;n gi&aacute;o, việc thực hiện quy chế d&acirc;n chủ ở cơ sở cũng như hoạt động của Mặt trận v&agrave; c&aacute;c đo&agrave;n thể. Phong tr&agrave;o thi đua “D&acirc;n vận kh&eacute;o” tiếp tục lan rộng ở c&aacute;c x&atilde;, thị trấn; ri&ecirc;ng cấp huyện đ&atilde; c&ocirc;ng nhận 41 m&ocirc; h&igrave;nh “D&acirc;n vận kh&eacute;o” ti&ecirc;u biểu.</span></p>
<p style="text-align:justify;"><span style="font-size:13pt;font-family:'Times New Roman';">Chỉ thị số 35-CT/TW ng&agrave;y 30/5/2019 của Bộ Ch&iacute;nh trị về đại hội đảng bộ c&aacute;c cấp, hướng tới Đại hội XIII của Đảng, được tuy&ecirc;n truyền v&agrave; triển khai kịp thời. Ban D&acirc;n vận phối hợp vận động Nh&acirc;n d&acirc;n đồng thuận với phương &aacute;n s&aacute;p nhập th&ocirc;n, tổ d&acirc;n phố; chủ đề “Năm d&acirc;n vận ch&iacute;nh quyền” 2019 được cụ thể h&oacute;a bằng nhiều việc l&agrave;m thiết thực ở cơ sở.</span></p>
<p style="text-align:justify;"><span style="font-size:13pt;font-family:'Times New Roman';">Ở lĩnh vực tuy&ecirc;n gi&aacute;o, Ban Tuy&ecirc;n gi&aacute;o Huyện ủy đ&atilde; tham mưu 65 văn bản, duy tr&igrave; Bản tin nội bộ hằng th&aacute;ng, phối hợp tổ chức 17 lớp bồi dưỡng nghiệp vụ v&agrave; l&yacute; luận ch&iacute;nh trị, thu h&uacute;t hơn 1.600 học vi&ecirc;n. Việc học tập v&agrave; l&agrave;m theo tư tưởng, đạo đức, phong c&aacute;ch Hồ Ch&iacute; Minh theo Chỉ thị 05 của Bộ Ch&iacute;nh trị được duy tr&igrave; nền nếp: 100% chi bộ, đảng bộ v&agrave; c&aacute;c đo&agrave;n thể đăng k&yacute; việc l&agrave;m cụ thể, 98% đảng vi&ecirc;n đã đăng k&yacute; tối thiểu một việc l&agrave;m theo B&aacute;c.</span></p>
<p style="text-align:justify;"><span style="font-size:13pt;font-family:'Times New Roman';">Năm 2020, hai ban tiếp tục đổi mới nội dung, phương thức, tập trung tuy&ecirc;n truyền đại hội đảng bộ c&aacute;c cấp nhiệm kỳ 2020 – 2025, ph&aacute;t huy vai tr&ograve; của Nh&acirc;n d&acirc;n trong x&acirc;y dựng Đảng, ch&iacute;nh quyền; triển khai chuy&ecirc;n đề năm 2020 về tăng cường khối đại đo&agrave;n kết to&agrave;n d&acirc;n tộc v&agrave; n&acirc;ng cao hiệu quả nắm bắt dư luận x&atilde; hội ngay từ cơ sở.</span></p>
<p style="text-align:right;"><strong>Thu Trang</strong></p>
</div>
</div>
<div class="tandan-share">Chia sẻ: <a href="https://www.facebook.com/sharer/sharer.php?u=/portal/Pages/2020-1-7/Bach-Thong-tong-ket-cong-tac-Dan-van-Tuyen-giao-nam-2019-1021.aspx">Facebook</a> <a href="https://zalo.me/share?u=/portal/Pages/2020-1-7/Bach-Thong-tong-ket-cong-tac-Dan-van-Tuyen-giao-nam-2019-1021.aspx">Zalo</a></div>
<div class="tandan-related"><h3>Các tin đã đưa</h3><ul>
    <li>Không có tin liên quan</li>
</ul></div>
</div>
</div>
<div class="tandan-right-column">
  <div class="ms-webpart-chrome-title"><span title="PublishingPortal - Block_VanBanMoi">PublishingPortal - Block_VanBanMoi</span></div>
  <div class="tandan-box"><h3 class="tandan-box-title">Văn bản mới</h3><ul>
    <li><a href="/portal/Pages/Van-ban.aspx">Hướng dẫn tổ chức Tết Nguyên đán</a></li>
    <li><a href="/portal/Pages/Van-ban.aspx">Lịch công tác tuần của Thường trực Huyện ủy</a></li>
  </ul></div>
  <div class="tandan-box"><h3 class="tandan-box-title">Liên kết website</h3>
    <select onchange="window.open(this.value)"><option value="">-- Chọn liên kết --</option>
      <option value="http://www.dangcongsan.vn">Báo điện tử Đảng Cộng sản Việt Nam</option>
      <option value="http://www.backan.gov.vn">Cổng thông tin điện tử tỉnh</option></select></div>
  <div class="tandan-box tandan-counter">Lượt truy cập: 1.204.517 <br/>Đang trực tuyến: 23</div>
</div>
<div class="tandan-footer">
  <p><strong>CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN ỦY BẠCH THÔNG</strong></p>
  <p>Cơ quan chủ quản: Ban Thường vụ Huyện ủy Bạch Thông. Địa chỉ: tổ dân phố 2, thị trấn Phủ Thông, huyện Bạch Thông, tỉnh Bắc Kạn.</p>
  <p>Điện thoại: 0209.3850.112 - Email: huyenuybachthong@backan.gov.vn</p>
  <p>Ghi rõ nguồn “Huyện ủy Bạch Thông” khi phát hành lại thông tin từ website này.</p>
</div>
</div></div>
<script type="text/javascript">//<![CDATA[
var _spPageContextInfo = {webServerRelativeUrl: "\u002fportal", webLanguage: 1066, currentLanguage: 1066};
//]]></script>
</form></body></html>
