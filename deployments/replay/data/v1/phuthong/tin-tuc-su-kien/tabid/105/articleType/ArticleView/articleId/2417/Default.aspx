<!DOCTYPE html>
<html lang="vi-VN">
<head id="Head"><meta content="text/html; charset=UTF-8" http-equiv="Content-Type" />
<title>
	Đảng ủy xã Phủ Thông quán triệt Chỉ thị 45 của Bộ Chính trị
</title><meta id="MetaDescription" name="DESCRIPTION" content="Trang thông tin điện tử Đảng ủy xã Phủ Thông" />
<meta id="MetaKeywords" name="KEYWORDS" content="Phủ Thông, Đảng ủy xã, Thái Nguyên,DotNetNuke,DNN" />
<meta id="MetaGenerator" name="GENERATOR" content="DotNetNuke " /><meta id="MetaRobots" name="ROBOTS" content="INDEX, FOLLOW" />
<link href="/Resources/Shared/stylesheets/dnndefault/7.0.0/default.css?cdv=212" type="text/css" rel="stylesheet"/>
<link href="/Portals/_default/Skins/XaPhuThong/skin.css?cdv=212" type="text/css" rel="stylesheet"/>
<script src="/Resources/libraries/jQuery/03_05_01/jquery.js?cdv=212" type="text/javascript"></script>
</head>
<body id="Body">
<form method="post" action="/tin-tuc-su-kien/tabid/105/articleType/ArticleView/articleId/2417/Default.aspx" id="Form" enctype="multipart/form-data">
<div class="aspNetHidden"><input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="" />
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="qXcG6m1nWq0uA9pZbT3j0tJdS6W9v+F1m5Yx0Ukq4hY=" /></div>
<div id="skin-wrapper">
<div id="skin-header"><a id="dnn_dnnLOGO_hypLogo" title="Đảng ủy xã Phủ Thông" href="/"><img id="dnn_dnnLOGO_imgLogo" src="/Portals/12/logo-dang-uy.png" alt="Đảng ủy xã Phủ Thông" /></a>
<div class="skin-title">ĐẢNG ỦY XÃ PHỦ THÔNG<br /><span>ĐẢNG BỘ TỈNH THÁI NGUYÊN</span></div>
<div class="skin-login"><a id="dnn_dnnLOGIN_loginLink" title="Đăng nhập" class="LoginLink" rel="nofollow" href="/Login.aspx">Đăng nhập</a></div></div>
<div id="skin-menu"><ul class="dnnmega">
<li><a href="/">Trang chủ</a></li>
<li><a href="/gioi-thieu/tabid/101/Default.aspx">Giới thiệu</a></li>
<li class="active"><a href="/tin-tuc-su-kien/tabid/105/Default.aspx">Tin tức - Sự kiện</a></li>
<li><a href="/van-ban/tabid/107/Default.aspx">Văn bản</a></li>
<li><a href="/lich-cong-tac/tabid/109/Default.aspx">Lịch công tác</a></li>
</ul></div>
<div id="skin-content"><div id="dnn_ContentPane" class="ContentPane">
<div class="DnnModule DnnModule-DNN_News DnnModule-512"><a name="512"></a>
<div class="c_head"><h2 class="c_title"><span id="dnn_ctr512_dnnTITLE_titleLabel" class="TitleHead">Tin tức - Sự kiện</span></h2></div>
<div id="dnn_ctr512_ContentPane">
<div class="news-detail">
<h1 class="news-title">Đảng ủy xã Phủ Thông quán triệt Chỉ thị 45 của Bộ Chính trị</h1>
<div class="news-date">Cập nhật lúc 14:00, Thứ Ba, ngày 22 tháng 7 năm 2025</div>
<div class="news-tools"><a href="javascript:window.print()">In trang</a> | <a href="javascript:history.back()">Quay lại</a></div>
<div class="news-summary"><strong>Chiều 21/7/2025, Ban Thường vụ Đảng ủy xã Phủ Thông tổ chức hội nghị quán triệt, triển khai Chỉ thị số 45-CT/TW ngày 14/4/2025 của Bộ Chính trị về đại hội đảng bộ các cấp, hướng tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng.</strong></div>
<div class="news-content">
<p style="text-align:justify">Hội nghị đã thông qua Kế hoạch số 03-KH/ĐU ngày 18/7/2025 của Ban Thường vụ Đảng ủy xã về tổ chức Đại hội đại biểu Đảng bộ xã lần thứ I, nhiệm kỳ 2025 - 2030, dự kiến tổ chức trong tháng 9/2025.</p>
<p style="text-align:justify">Đảng bộ xã hiện có 46 chi bộ trực thuộc với 1.318 đảng viên. Các chi bộ được yêu cầu hoàn thành đại hội trước ngày 15/8/2025, lựa chọn nhân sự bảo đảm tiêu chuẩn, cơ cấu hợp lý.</p>
<p style="text-align:justify">Ban Tuyên giáo và Dân vận Đảng ủy xã được giao xây dựng đề cương tuyên truyền, tổ chức lấy ý kiến Nhân dân góp ý vào dự thảo văn kiện đại hội.</p>
</div>
<div class="news-author">Hoàng Yến</div>
</div>
<div class="news-other"><h3>Các tin khác</h3><ul><li><a href="/tin-tuc-su-kien/tabid/105/articleType/ArticleView/articleId/2381/Default.aspx">Công bố các quyết định thành lập Đảng bộ xã Phủ Thông</a> (02/07/2025)</li></ul></div>
</div></div>
</div>
<div id="dnn_RightPane" class="RightPane"><div class="box"><h3>Liên kết</h3><ul>
<li><a href="https://thainguyen.dcs.vn">Tỉnh ủy Thái Nguyên</a></li><li><a href="https://thainguyen.gov.vn">Cổng TTĐT tỉnh Thái Nguyên</a></li></ul></div></div>
</div>
<div id="skin-footer"><p>ĐẢNG ỦY XÃ PHỦ THÔNG - TỈNH THÁI NGUYÊN</p>
<p>Địa chỉ: Thôn Phố Mới, xã Phủ Thông, tỉnh Thái Nguyên. Điện thoại: 0209.3850.217</p>
<p><span id="dnn_dnnCOPYRIGHT_lblCopyright" class="Footer">Copyright 2025 by Đảng ủy xã Phủ Thông</span> | <a id="dnn_dnnTERMS_hypTerms" class="Footer" rel="nofollow" href="/Terms.aspx">Điều khoản sử dụng</a></p></div>
</div>
<input name="ScrollTop" type="hidden" id="ScrollTop" /><input name="__dnnVariable" type="hidden" id="__dnnVariable" autocomplete="off" value="`{`__scdoff`:`1`}" />
</form>
</body>
</html>
