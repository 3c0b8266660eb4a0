<!DOCTYPE html>
<html lang="vi-VN">
<head id="Head"><meta content="text/html; charset=UTF-8" http-equiv="Content-Type" />
<title>
	Tin tức - Sự kiện
</title><meta id="MetaDescription" name="DESCRIPTION" content="Trang thông tin điện tử Đảng ủy xã Phủ Thông" />
<meta id="MetaKeywords" name="KEYWORDS" content="Phủ Thông, Đảng ủy xã, Thái Nguyên,DotNetNuke,DNN" />
<meta id="MetaGenerator" name="GENERATOR" content="DotNetNuke " /><meta id="MetaRobots" name="ROBOTS" content="INDEX, FOLLOW" />
<link href="/Resources/Shared/stylesheets/dnndefault/7.0.0/default.css?cdv=212" type="text/css" rel="stylesheet"/>
<link href="/Portals/_default/Skins/XaPhuThong/skin.css?cdv=212" type="text/css" rel="stylesheet"/>
<script src="/Resources/libraries/jQuery/03_05_01/jquery.js?cdv=212" type="text/javascript"></script>
</head>
<body id="Body">
<form method="post" action="/tin-tuc-su-kien/tabid/105/Default.aspx" id="Form" enctype="multipart/form-data">
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
<div class="news-list">
<div class="news-item">
<a class="news-item-img" href="/tin-tuc-su-kien/tabid/105/articleType/ArticleView/articleId/2469/Default.aspx"><img src="/Portals/12/News/2469/thumb.jpg" alt="" /></a>
<a class="news-item-title" href="/tin-tuc-su-kien/tabid/105/articleType/ArticleView/articleId/2469/Default.aspx">Lan tỏa phong trào “Dân vận khéo” giai đoạn 2021 - 2025</a> <span class="news-item-date">(18/08/2025)</span>
<div class="news-item-summary">(TTĐT) - Sau 5 năm triển khai, phong trào thi đua “Dân vận khéo” trên địa bàn tỉnh đã đi vào chiều sâu, trở thành động lực để các cấp, các ngành thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội, bảo đảm quốc phòng, an ninh.</div>
</div>
<div class="news-item">
<a class="news-item-img" href="/tin-tuc-su-kien/tabid/105/articleType/ArticleView/articleId/2417/Default.aspx"><img src="/Portals/12/News/2417/thumb.jpg" alt="" /></a>
<a class="news-item-title" href="/tin-tuc-su-kien/tabid/105/articleType/ArticleView/articleId/2417/Default.aspx">Đảng ủy xã Phủ Thông quán triệt Chỉ thị 45 của Bộ Chính trị</a> <span class="news-item-date">(22/07/2025)</span>
<div class="news-item-summary">Chiều 21/7/2025, Ban Thường vụ Đảng ủy xã Phủ Thông tổ chức hội nghị quán triệt, triển khai Chỉ thị số 45-CT/TW ngày 14/4/2025 của Bộ Chính trị về đại hội đảng bộ các cấp, hướng tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng.</div>
</div>
<div class="news-item">
<a class="news-item-img" href="/tin-tuc-su-kien/tabid/105/articleType/ArticleView/articleId/2381/Default.aspx"><img src="/Portals/12/News/2381/thumb.jpg" alt="" /></a>
<a class="news-item-title" href="/tin-tuc-su-kien/tabid/105/articleType/ArticleView/articleId/2381/Default.aspx">Công bố các quyết định thành lập Đảng bộ xã Phủ Thông</a> <span class="news-item-date">(02/07/2025)</span>
<div class="news-item-summary">Sáng 01/7/2025, xã Phủ Thông tổ chức hội nghị công bố các nghị quyết, quyết định của Trung ương và của tỉnh về thành lập xã, thành lập Đảng bộ xã và chỉ định Ban Chấp hành Đảng bộ xã nhiệm kỳ 2025 - 2030.</div>
</div>
</div>
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
